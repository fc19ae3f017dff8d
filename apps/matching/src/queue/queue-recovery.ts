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
import { queueLosses } from './queue-loss';
import { QueueLedgerRepository } from './queue-ledger.repository';
import { QUEUE_STATE, QueueStore } from './queue-store';

/**
 * Notices when Redis lost the queue (its marker is gone) and repairs it: blocks are written back
 * from matching's Postgres projection before any command runs again, and every ticket and pair
 * the ledger holds open that Redis no longer has is reported to its people (`queue.ticket_lost`,
 * `queue.match_lost`), through the
 * outbox in the transaction that closes it in the ledger.
 */
@Injectable()
export class QueueRecovery extends RedisStateRecovery {
  constructor(
    @Inject(REDIS) redis: Redis,
    metrics: PlatformMetrics,
    private readonly store: QueueStore,
    private readonly ledger: QueueLedgerRepository,
    private readonly outbox: OutboxService,
    private readonly dataSource: DataSource,
    private readonly blocks: BlocksProjection,
  ) {
    super({ redis, component: QUEUE_STATE, metrics });
    store.guardedBy(this.guard);
  }

  async rebuild(): Promise<void> {
    await this.restoreBlocks();
    await this.reportLosses();
    await this.ledger.prune();
  }

  private async restoreBlocks(): Promise<void> {
    for await (const blocks of this.blocks.pages(this.dataSource)) {
      await this.store.restoreBlocks(blocks);
    }
  }

  private async reportLosses(): Promise<void> {
    const open = await this.ledger.open();
    if (open.tickets.length === 0 && open.pairs.length === 0) return;
    const present = await this.store.present(
      open.tickets.map((ticket) => ticket.ticketId),
      open.pairs.map((pair) => pair.matchId),
    );
    const lost = queueLosses(open, present);
    if (lost.pairs.length === 0 && lost.tickets.length === 0) return;
    const reported = await this.dataSource.transaction(async (tx) => {
      const closed = await this.ledger.closeLost(
        tx,
        lost.pairs.map((pair) => pair.matchId),
        lost.tickets.map((ticket) => ticket.ticketId),
      );
      for (const pair of closed.pairs) {
        await this.outbox.add(tx, {
          type: TOPICS.QUEUE_MATCH_LOST,
          aggregateId: pair.matchId,
          aggregateVersion: pair.version,
          recipientIds: pair.userIds,
          data: { matchId: pair.matchId, userIds: pair.userIds, ticketIds: pair.ticketIds },
        });
      }
      for (const ticket of closed.tickets) {
        await this.outbox.add(tx, {
          type: TOPICS.QUEUE_TICKET_LOST,
          aggregateId: ticket.ticketId,
          aggregateVersion: ticket.version,
          recipientIds: [ticket.userId],
          data: {
            ticketId: ticket.ticketId,
            userId: ticket.userId,
            topic: ticket.topic,
            difficulty: ticket.difficulty,
          },
        });
      }
      return closed;
    });
    this.logger.warn(
      { pairs: reported.pairs.length, tickets: reported.tickets.length },
      'queue state lost with Redis; its people were told',
    );
  }
}
