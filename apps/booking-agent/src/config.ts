import { IsIn } from 'class-validator';
import { IntSetting, NumberSetting, PlatformConfig, PortSetting } from '@rendezvous/platform';

export const BOOKING_PROVIDERS = ['in-house', 'simulated'] as const;
export type BookingProviderName = (typeof BOOKING_PROVIDERS)[number];

export class BookingAgentConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3006;

  /** `in-house` books against venue capacity in this service's database; `simulated` puts a
   * pretend external API (latency, failures, timeouts) in front of it. */
  @IsIn(BOOKING_PROVIDERS)
  BOOKING_PROVIDER: BookingProviderName = 'in-house';

  /** Attempts per booking before the plan is `booking_failed` (transient errors only). */
  @IntSetting(1, 10)
  BOOKING_RETRY_ATTEMPTS = 4;

  /** Backoff before the second attempt; doubled for each further one, with jitter. */
  @IntSetting(1, 10_000)
  BOOKING_RETRY_BASE_MS = 200;

  /** An attempt that takes longer counts as a transient failure (the provider may have booked). */
  @IntSetting(100, 20_000)
  BOOKING_PROVIDER_TIMEOUT_MS = 3000;

  /** The simulated provider: delay each way, chance of refusing an attempt, chance of the
   * reply getting lost after the booking was made. */
  @IntSetting(0, 10_000)
  BOOKING_SIMULATED_LATENCY_MS = 50;

  @NumberSetting(0, 1)
  BOOKING_SIMULATED_FAILURE_RATE = 0.2;

  @NumberSetting(0, 1)
  BOOKING_SIMULATED_TIMEOUT_RATE = 0.05;

  /** A non-zero seed replays the same sequence of failures; 0 draws them at random. */
  @IntSetting(0, 2 ** 31)
  BOOKING_SIMULATED_SEED = 0;
}
