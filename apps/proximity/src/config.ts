import { IsString } from 'class-validator';
import { IntSetting, PlatformConfig, PortSetting } from '@rendezvous/platform';

export class ProximityConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3004;

  /** How long a session lives; a new session replaces the person's live one earlier. */
  @IntSetting(1, 86_400)
  PROXIMITY_SESSION_TTL_SECONDS = 7200;

  /**
   * Secret keying the hashes interests are compared through; at least 32 characters. Empty
   * means a development key outside production; production refuses to start without it.
   */
  @IsString()
  PROXIMITY_HMAC_KEY = '';
}
