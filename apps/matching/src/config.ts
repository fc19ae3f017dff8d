import { PlatformConfig, PortSetting } from '@rendezvous/platform';

export class MatchingConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3003;
}
