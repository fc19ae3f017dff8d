import { IntSetting, NumberSetting, PlatformConfig, PortSetting } from '@rendezvous/platform';

export class MatchingConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3003;

  // Default weights of the compatibility factors; normalised to sum 1, a person's
  // `preferences.weights` replaces them for their own discovery.
  @NumberSetting(0, 10)
  MATCHING_WEIGHT_PROFILE = 0.3;

  @NumberSetting(0, 10)
  MATCHING_WEIGHT_INTERESTS = 0.25;

  @NumberSetting(0, 10)
  MATCHING_WEIGHT_LOCATION = 0.2;

  @NumberSetting(0, 10)
  MATCHING_WEIGHT_INDUSTRY = 0.15;

  @NumberSetting(0, 10)
  MATCHING_WEIGHT_ACTIVITY = 0.1;

  /** Days after which someone's activity counts half as much. */
  @NumberSetting(0.1, 365)
  MATCHING_ACTIVITY_HALF_LIFE_DAYS = 7;

  /** How many nearest (and most recently active) candidates a discovery request scores. */
  @IntSetting(100, 100_000)
  MATCHING_DISCOVERY_POOL = 500;

  @IntSetting(0, 1000)
  MATCHING_SUPER_LIKES_PER_DAY = 5;

  /** Active matches older than this many days end as `expired`; 0 turns expiry off. */
  @IntSetting(0, 3650)
  MATCHING_MATCH_EXPIRY_DAYS = 0;

  @IntSetting(1, 86_400)
  MATCHING_MATCH_EXPIRY_SWEEP_SECONDS = 300;

  @IntSetting(1, 86_400)
  MATCHING_QUEUE_TIMEOUT_SECONDS = 60;

  @IntSetting(1, 3600)
  MATCHING_CONFIRM_TIMEOUT_SECONDS = 30;

  /** After this long waiting, a ticket also accepts a partner at an adjacent difficulty. */
  @IntSetting(0, 86_400)
  MATCHING_QUEUE_WIDEN_AFTER_SECONDS = 20;

  /** How often each replica looks for expired tickets, confirm timeouts and widened tickets. */
  @IntSetting(50, 60_000)
  MATCHING_QUEUE_SWEEP_INTERVAL_MS = 250;

  /** How long finished tickets and pairs stay readable. */
  @IntSetting(60, 30 * 86_400)
  MATCHING_QUEUE_RETENTION_SECONDS = 86_400;
}
