import { IsBoolean, IsString, MinLength } from 'class-validator';
import { EnvBoolean, IntSetting, PlatformConfig, PortSetting } from '@rendezvous/platform';

/** Upstream settings are comma-separated replica lists, used round-robin. */
export class GatewayConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3000;

  @IsString()
  @MinLength(1)
  USER_SERVICE_URL = 'http://127.0.0.1:3001';

  @IsString()
  @MinLength(1)
  EVENT_SERVICE_URL = 'http://127.0.0.1:3002';

  @IsString()
  @MinLength(1)
  MATCHING_SERVICE_URL = 'http://127.0.0.1:3003';

  @IsString()
  @MinLength(1)
  PROXIMITY_SERVICE_URL = 'http://127.0.0.1:3004';

  @IsString()
  @MinLength(1)
  RECO_SERVICE_URL = 'http://127.0.0.1:3005';

  @IsString()
  @MinLength(1)
  BOOKING_AGENT_SERVICE_URL = 'http://127.0.0.1:3006';

  /** How long the gateway waits for an upstream's readiness answer. */
  @IntSetting(100)
  UPSTREAM_HEALTH_TIMEOUT_MS = 1500;

  /** How long a forwarded request may take before the client gets `504`. */
  @IntSetting(100)
  UPSTREAM_TIMEOUT_MS = 10000;

  /** Requests per minute per client (user id once authenticated, else IP). */
  @IntSetting(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Signup, login and refresh requests per minute per IP (brute force). */
  @IntSetting(1)
  RATE_LIMIT_AUTH_PER_MINUTE = 30;

  /**
   * Proxies whose `X-Forwarded-For` is believed when finding the client IP: comma-separated
   * addresses, CIDRs or `loopback`/`linklocal`/`uniquelocal`; empty trusts none.
   */
  @IsString()
  TRUST_PROXY = '';

  /** Origins allowed by CORS (HTTP and Socket.IO), comma-separated; empty allows none. */
  @IsString()
  CORS_ORIGINS = '';

  /** Strict-Transport-Security max-age; 0 leaves the header out (plain-HTTP development). */
  @IntSetting(0)
  HSTS_MAX_AGE_SECONDS = 0;

  /** Security headers (helmet) on every response. */
  @EnvBoolean()
  @IsBoolean()
  SECURITY_HEADERS = true;

  /** How long a deleted person's id stays in the revoked set; longer than any access token. */
  @IntSetting(60)
  REVOKED_USER_TTL_SECONDS = 86400;

  /** Per-person notification history: at least this many are kept... */
  @IntSetting(100)
  NOTIFICATION_HISTORY_MIN_COUNT = 100;

  /** ...and at least this many hours' worth, up to a hard cap. */
  @IntSetting(24)
  NOTIFICATION_HISTORY_MIN_HOURS = 24;

  @IntSetting(100)
  NOTIFICATION_HISTORY_MAX_COUNT = 5000;

  /** How long the merged OpenAPI document is reused before the services are asked again. */
  @IntSetting(1)
  OPENAPI_CACHE_SECONDS = 60;

  /** The admin portal's build, served at `/admin/`; relative to the working directory. */
  @IsString()
  @MinLength(1)
  ADMIN_PORTAL_DIR = 'dist/apps/admin-portal';
}
