import { Inject, Injectable } from '@nestjs/common';
import { TOPICS } from '@rendezvous/contracts';
import {
  BlocksProjection,
  OutboxService,
  PlatformMetrics,
  REDIS,
  RedisStateRecovery,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { DeletedPeopleRepository } from '../people/deleted-people.repository';
import { SessionLedgerRepository } from './session-ledger.repository';
import { sessionLosses } from './session-loss';
import { GONE_TTL_SECONDS, PROXIMITY_STATE, SessionStore } from './session-store';

const ROWS_PER_WRITE = 1_000;

/**
 * Notices when Redis lost proximity's state (its marker is gone) and repairs it: blocks and
 * recent tombstones are written back from Postgres before any script runs again, and each live
 * session the ledger holds that Redis no longer has ends with `proximity.session_ended`
 * (`lost`) to its owner, through the outbox in the transaction that ends it in the ledger.
 */
@Injectable()
export class ProximityRecovery extends RedisStateRecovery {
  constructor(
    @Inject(REDIS) redis: Redis,
    metrics: PlatformMetrics,
    private readonly store: SessionStore,
    private readonly ledger: SessionLedgerRepository,
    private readonly outbox: OutboxService,
    private readonly dataSource: DataSource,
    private readonly blocks: BlocksProjection,
    private readonly deletedPeople: DeletedPeopleRepository,
  ) {
    super({ redis, component: PROXIMITY_STATE, metrics });
    store.guardedBy(this.guard);
  }

  async rebuild(): Promise<void> {
    await this.restore();
    await this.reportLosses();
    await this.ledger.prune();
  }

  private async restore(): Promise<void> {
    const deleted = await this.deletedPeople.deletedWithin(this.dataSource, GONE_TTL_SECONDS);
    for (let start = 0; start < deleted.length; start += ROWS_PER_WRITE) {
      await this.store.restore([], deleted.slice(start, start + ROWS_PER_WRITE));
    }
    for await (const blocks of this.blocks.pages(this.dataSource)) {
      await this.store.restore(blocks, []);
    }
  }

  private async reportLosses(): Promise<void> {
    const live = await this.ledger.live();
    if (live.length === 0) return;
    const { lost, replaced } = sessionLosses(live, await this.store.present(live));
    if (lost.length === 0 && replaced.length === 0) return;
    const ended = await this.dataSource.transaction(async (tx) => {
      await this.ledger.endLost(
        tx,
        replaced.map((session) => session.sessionId),
      );
      const endedNow = await this.ledger.endLost(
        tx,
        lost.map((session) => session.sessionId),
      );
      const endedAt = new Date().toISOString();
      for (const session of endedNow) {
        await this.outbox.add(tx, {
          type: TOPICS.PROXIMITY_SESSION_ENDED,
          aggregateId: session.sessionId,
          aggregateVersion: 2,
          recipientIds: [session.userId],
          data: { sessionId: session.sessionId, userId: session.userId, reason: 'lost', endedAt },
        });
      }
      return endedNow;
    });
    this.logger.warn(
      { sessions: ended.length },
      'live sessions lost with Redis; their owners were told',
    );
  }
}
