import { IsString } from 'class-validator';
import { IntSetting, PlatformConfig, PortSetting } from '@rendezvous/platform';

export class UserConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3001;

  /** PKCS8 PEM (ES256) signing access tokens; required in production, generated locally. */
  @IsString()
  JWT_PRIVATE_KEY = '';

  /** Where a local key is generated when JWT_PRIVATE_KEY is empty outside production. */
  @IsString()
  JWT_KEY_DIR = '.local/keys';

  /** Concatenated SPKI PEMs of retired keys still published in the JWKS during rotation. */
  @IsString()
  JWT_PREVIOUS_PUBLIC_KEYS = '';

  @IntSetting(30, 86_400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @IntSetting(1, 365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Comma-separated emails that get the `admin` role. */
  @IsString()
  ADMIN_EMAILS = '';

  @IntSetting(1, 1000)
  AUTH_MAX_FAILED_LOGINS = 10;

  @IntSetting(1, 86_400)
  AUTH_FAILED_LOGIN_WINDOW_SECONDS = 900;

  /** The length of one hour in `durationHours` and the auto-hide window; tests shorten it. */
  @IntSetting(1, 3600)
  MODERATION_HOUR_SECONDS = 3600;

  /** Different people whose open reports within the window hide someone until a decision. */
  @IntSetting(1, 1000)
  MODERATION_AUTO_HIDE_REPORTERS = 3;

  @IntSetting(1, 8760)
  MODERATION_AUTO_HIDE_WINDOW_HOURS = 24;

  /** How often timed suspensions that have ended are set back to active (and announced). */
  @IntSetting(1, 3600)
  MODERATION_SUSPENSION_SWEEP_SECONDS = 30;

  /** Reports one person may file in a UTC day. */
  @IntSetting(1, 10_000)
  REPORTS_PER_DAY = 20;

  /** How long a ready personal-data export is kept before it expires and its data is dropped. */
  @IntSetting(1, 365)
  EXPORT_RETENTION_DAYS = 7;

  /** An export still missing a service's part this long after the request has failed. */
  @IntSetting(1, 3600)
  EXPORT_PART_TIMEOUT_SECONDS = 30;

  /** How often overdue exports are marked failed and old ones expired (their data dropped). */
  @IntSetting(1, 3600)
  EXPORT_SWEEP_SECONDS = 5;
}
