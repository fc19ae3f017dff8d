import { PlatformConfig, PortSetting } from '@rendezvous/platform';

export class EventConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3002;
}
