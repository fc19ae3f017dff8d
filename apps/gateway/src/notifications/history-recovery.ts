import { Inject, Injectable, Optional } from '@nestjs/common';
import { TOPICS } from '@rendezvous/contracts';
import {
  KAFKA,
  PlatformMetrics,
  REDIS,
  RedisStateRecovery,
  replayTopics,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import type { Kafka } from 'kafkajs';
import { GatewayConfig } from '../config';
import { NOTIFYING_TOPICS, notificationsFor } from './notification-map';
import { NOTIFICATIONS_STATE, NotificationHistory } from './notification-history';

// A fresh Redis is usually whole again within this; past it the rebuild goes on behind.
const BOOT_WAIT_MS = 10_000;

/**
 * Writes the notification histories back when Redis lost them (README, Redis loss): every
 * notifying topic from `NOTIFICATION_HISTORY_MIN_HOURS` ago, into the recipients' histories only
 * (no pushes: those were made), deduped by the live consumer's inbox keys and placed by when they
 * happened. People deleted in that time are left out (their history was dropped then). Older
 * notifications are gone. Until done, `GET /notifications` answers `503` with `Retry-After`,
 * so no client pages through a history that entries are still being written into.
 */
@Injectable()
export class HistoryRecovery extends RedisStateRecovery {
  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly history: NotificationHistory,
    private readonly config: GatewayConfig,
    @Optional() metrics?: PlatformMetrics,
  ) {
    super({ redis, component: NOTIFICATIONS_STATE, metrics, bootWaitMs: BOOT_WAIT_MS });
  }

  async rebuild(signal: AbortSignal): Promise<void> {
    const since = new Date(Date.now() - this.config.NOTIFICATION_HISTORY_MIN_HOURS * 3_600_000);
    const deleted = new Set<string>();
    await replayTopics({
      kafka: this.kafka,
      topics: [TOPICS.USER_DELETED],
      since,
      groupPrefix: 'gateway-history-deletions',
      logger: this.logger,
      signal,
      handle: async (envelope) => {
        if (envelope.type === TOPICS.USER_DELETED) deleted.add(envelope.data.userId);
      },
    });
    // Deletions after this point are the live consumer's: it marks them before the history goes.
    const { handled } = await replayTopics({
      kafka: this.kafka,
      topics: NOTIFYING_TOPICS,
      since,
      groupPrefix: 'gateway-history',
      logger: this.logger,
      signal,
      handle: async (envelope) => {
        const kept = notificationsFor(envelope).filter((n) => !deleted.has(n.recipientId));
        await this.history.restore(envelope.id, kept);
      },
    });
    this.logger.log({ events: handled, since }, 'notification histories read back from Kafka');
  }
}
