import { PlatformConfig, PortSetting } from '@rendezvous/platform';

export class RecoConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3005;
}
