import { Inject, Injectable, Optional } from '@nestjs/common';
import type { StatsReporter, TopicEnvelope } from '@rendezvous/contracts';
import { STATS_REPORTERS, TOPICS } from '@rendezvous/contracts';
import {
  KAFKA,
  PlatformMetrics,
  REDIS,
  RedisStateRecovery,
  RedisStateRebuildingError,
  replayTopics,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import type { Kafka } from 'kafkajs';
import { AdminStatsStore } from './admin-stats';
import { COUNTED_TOPICS } from './stats-deltas';
import { latestReports, replayStart } from './stats-snapshot';

/**
 * Writes the admin counters back when Redis lost them (README, Admin stats after a Redis loss).
 * The gateway owns nothing durable: the counters restart from each owning service's latest
 * `stats.reported` (a compacted topic, read back from its beginning), whose `asOf` becomes that
 * service's floor, and the counted topics are replayed from a margin before the oldest floor, each
 * event counted through the live consumer's script and inbox only when after its floor. The live
 * consumer counts nothing while the floors are missing and only after them once they are back,
 * so every event is counted once by the report, the replay or the live consumer.
 */
@Injectable()
export class AdminStatsRecovery extends RedisStateRecovery {
  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly stats: AdminStatsStore,
    @Optional() metrics?: PlatformMetrics,
  ) {
    // Boot does not wait: the counters answer `503` until they are whole.
    super({ redis, component: `gateway-${stats.prefix}`, metrics, bootWaitMs: 0 });
  }

  /** Resolves once the counters are whole (tests, and the first check at start). */
  check(): Promise<boolean> {
    return this.guard.check();
  }

  /** Throws the transient `RedisStateRebuildingError` (`503`) while the counters are not whole. */
  assertIntact(): void {
    this.guard.assertIntact();
  }

  /** The live consumer met lost counters: refuse reads and rebuild now, not at the next check. */
  noticeLoss(): void {
    try {
      this.guard.lost();
    } catch (error) {
      // lost() throws for readers; the consumer goes on, the replay counts what it passed over.
      if (!(error instanceof RedisStateRebuildingError)) throw error;
    }
  }

  async rebuild(): Promise<void> {
    const reports: TopicEnvelope<'stats.reported'>[] = [];
    await replayTopics({
      kafka: this.kafka,
      topics: [TOPICS.STATS_REPORTED],
      groupPrefix: 'gateway-stats-reports',
      logger: this.logger,
      handle: async (envelope) => {
        if (envelope.type === TOPICS.STATS_REPORTED) reports.push(envelope);
      },
    });
    const latest = latestReports(reports);
    for (const envelope of reports) await this.stats.keepReport(envelope);
    await this.stats.restore(latest);
    // Another replica may have restored first, from other reports: replay from the floors held.
    const floors = await this.stats.heldFloors();
    if (Object.keys(floors).length < STATS_REPORTERS.length) {
      throw new Error('the admin counters were lost again while being restored');
    }
    // Replayed only now: whatever the live consumer passed over while the floors were missing
    // is already in the topics, before the ends the replay reads up to.
    const { handled } = await replayTopics({
      kafka: this.kafka,
      topics: COUNTED_TOPICS,
      since: replayStart(floors as Record<StatsReporter, number>),
      groupPrefix: 'gateway-stats-replay',
      logger: this.logger,
      handle: async (envelope) => {
        await this.stats.count(envelope);
      },
    });
    this.logger.log({ reports: latest.size, replayed: handled }, 'admin counters restored');
  }
}
