import { PlatformConfig, PortSetting } from '@rendezvous/platform';

export class UserConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3001;
}
