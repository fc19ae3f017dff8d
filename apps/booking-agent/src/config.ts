import { PlatformConfig, PortSetting } from '@rendezvous/platform';

export class BookingAgentConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3006;
}
