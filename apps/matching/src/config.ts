import { IsBoolean } from 'class-validator';
import {
  EnvBoolean,
  IntSetting,
  NumberSetting,
  PlatformConfig,
  PortSetting,
} from '@rendezvous/platform';

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

  // The learned ranking (README, Learned ranking).

  /** How often buffered impressions are written, and how many may wait (older ones drop). */
  @IntSetting(50, 60_000)
  MATCHING_IMPRESSIONS_FLUSH_MS = 1000;

  @IntSetting(100, 1_000_000)
  MATCHING_IMPRESSIONS_BUFFER = 20_000;

  /** Impressions older than this are deleted. */
  @IntSetting(1, 365)
  MATCHING_IMPRESSIONS_RETENTION_DAYS = 30;

  /** A shown person nobody swiped on counts as ignored once this long has passed. */
  @IntSetting(0, 30 * 86_400)
  MATCHING_MODEL_IGNORED_AFTER_SECONDS = 3600;

  /** Hours between scheduled trainings; 0 trains only on demand. */
  @NumberSetting(0, 24 * 365)
  MATCHING_MODEL_TRAIN_EVERY_HOURS = 24;

  /** How far a model's validation AUC must be above the rule-based score's to rank. */
  @NumberSetting(0, 1)
  MATCHING_MODEL_MIN_AUC_GAIN = 0.02;

  /** Fewer held-out examples than this say too little: the model may not rank, whatever its AUC. */
  @NumberSetting(1, 1_000_000)
  MATCHING_MODEL_MIN_VALIDATION_EXAMPLES = 200;

  /** A trained model that clears the margin starts ranking by itself. */
  @EnvBoolean()
  @IsBoolean()
  MATCHING_MODEL_AUTO_ACTIVATE = true;

  /** The newest share of the labelled examples held out for validation. */
  @NumberSetting(0.05, 0.5)
  MATCHING_MODEL_VALIDATION_SHARE = 0.2;

  /** The newest this-many labelled examples are used. */
  @IntSetting(100, 1_000_000)
  MATCHING_MODEL_MAX_EXAMPLES = 50_000;

  /** Gradient steps of the logistic regression. */
  @IntSetting(10, 100_000)
  MATCHING_MODEL_STEPS = 400;

  /** Cold start: a viewer with fewer swipes than this gets the rule-based order. */
  @IntSetting(0, 10_000)
  MATCHING_MODEL_MIN_SWIPES = 10;

  /** Exploration: people swiped on fewer times than this are newcomers ... */
  @IntSetting(0, 10_000)
  MATCHING_MODEL_NEWCOMER_SWIPES = 5;

  /** ... and rank with this added to their model score (at most 1). */
  @NumberSetting(0, 1)
  MATCHING_MODEL_NEWCOMER_BOOST = 0.1;

  /** How often each replica checks which model is active. */
  @NumberSetting(0.1, 3600)
  MATCHING_MODEL_REFRESH_SECONDS = 5;

  /** How often each replica re-reads everyone's swipe, connection and attendance counts. */
  @NumberSetting(0.1, 86_400)
  MATCHING_RANKING_SIGNALS_SECONDS = 300;
}
