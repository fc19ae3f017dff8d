import { IsString, MinLength } from 'class-validator';
import { IntSetting, PlatformConfig, PortSetting } from '@rendezvous/platform';

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
}
