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
import { AccountStandings } from './account-standings';
import { ACCESS_STATE, RevokedUsers } from './revoked-users';

// A fresh Redis is usually whole again within this; past it the rebuild goes on behind.
const BOOT_WAIT_MS = 10_000;

/**
 * Writes the revocation state back when Redis lost it (README, Redis loss): each person's newest
 * standing from the compacted `user.status_changed` read from its beginning, and the deleted
 * markers from `user.deleted` of the last `REVOKED_USER_TTL_SECONDS` — a marker only has to
 * outlive the tokens issued before the deletion. Both go through the live consumer's scripts
 * (versions, inbox), so the replay and the live consumer together apply each event once. Until
 * the marker is back every token check answers `503` (RevokedUsers.known reads the marker with
 * the person's entries), never admitting a token whose revocation was lost.
 */
@Injectable()
export class AccessState extends RedisStateRecovery {
  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly standings: AccountStandings,
    private readonly revoked: RevokedUsers,
    private readonly config: GatewayConfig,
    @Optional() metrics?: PlatformMetrics,
  ) {
    super({ redis, component: ACCESS_STATE, metrics, bootWaitMs: BOOT_WAIT_MS });
  }

  async rebuild(signal: AbortSignal): Promise<void> {
    const since = new Date(Date.now() - this.config.REVOKED_USER_TTL_SECONDS * 1000);
    const [standings, deletions] = await Promise.all([
      replayTopics({
        kafka: this.kafka,
        topics: [TOPICS.USER_STATUS_CHANGED],
        groupPrefix: 'gateway-access-standings',
        logger: this.logger,
        signal,
        handle: async (envelope) => {
          if (envelope.type === TOPICS.USER_STATUS_CHANGED) await this.standings.apply(envelope);
        },
      }),
      replayTopics({
        kafka: this.kafka,
        topics: [TOPICS.USER_DELETED],
        since,
        groupPrefix: 'gateway-access-deletions',
        logger: this.logger,
        signal,
        handle: async (envelope) => {
          if (envelope.type === TOPICS.USER_DELETED) await this.revoked.revoke(envelope.data);
        },
      }),
    ]);
    this.logger.log(
      { standings: standings.handled, deletions: deletions.handled },
      'revocation state read back from Kafka',
    );
  }
}
