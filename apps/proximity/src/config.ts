import { PlatformConfig, PortSetting } from '@rendezvous/platform';

export class ProximityConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3004;
}
