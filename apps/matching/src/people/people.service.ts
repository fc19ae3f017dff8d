import { Injectable } from '@nestjs/common';
import type {
  UserBlockData,
  UserDeletedData,
  UserStateData,
  UserStatusData,
} from '@rendezvous/contracts';
import { isSuspendedAt } from '@rendezvous/contracts';
import { AccountStatusProjection, BlocksProjection } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import { AttendanceRepository } from '../attendance/attendance.repository';
import { MatchesService } from '../matches/matches.service';
import { SwipesRepository } from '../swipes/swipes.repository';
import { ImpressionsRepository } from '../ranking/impressions.repository';
import { ConnectionsRepository } from './connections.repository';
import { PeopleRepository } from './people.repository';
import { QueueMetrics } from '../queue/queue-metrics';
import { QueueStore } from '../queue/queue-store';

/** Keeps matching's picture of people in step with the user service's events. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly profiles: PeopleRepository,
    private readonly blocks: BlocksProjection,
    private readonly swipes: SwipesRepository,
    private readonly matches: MatchesService,
    private readonly attendance: AttendanceRepository,
    private readonly queue: QueueStore,
    private readonly queueMetrics: QueueMetrics,
    private readonly accounts: AccountStatusProjection,
    private readonly connections: ConnectionsRepository,
    private readonly impressions: ImpressionsRepository,
  ) {}

  applyState(tx: EntityManager, state: UserStateData, version: number): Promise<void> {
    return this.profiles.upsertIfNewer(tx, state, version);
  }

  applyBlock(
    tx: EntityManager,
    block: UserBlockData,
    active: boolean,
    version: number,
  ): Promise<void> {
    return this.blocks.applyIfNewer(tx, block, active, version);
  }

  /**
   * The queue's copy of the block (in Redis, for the pairing script), written after the commit
   * and on every delivery, newer version winning, even while the queue is being rebuilt: had
   * Redis lost it in between, the rebuild reads the committed row.
   */
  async copyBlockToQueue(block: UserBlockData, active: boolean, version: number): Promise<void> {
    await this.queue.setBlock({ ...block, version, active });
  }

  /**
   * A suspended or banned person's data stays; the queries that list and look up people leave
   * them out while the stored standing says so, and a timed suspension ends there by itself. Only
   * the queue, which lives in Redis, is changed: their ticket and pending pair end.
   */
  async applyStatus(tx: EntityManager, status: UserStatusData, version: number): Promise<void> {
    const applied = await this.accounts.applyIfNewer(tx, status, version);
    if (!applied) return;
    await this.profiles.copyHiding(tx, status.userId);
    if (!isSuspendedAt(status, new Date())) return;
    // Before the commit, as for deletion: if Redis fails the event is retried, and a retry
    // finds nothing left to end.
    this.queueMetrics.paired(await this.queue.withdraw(status.userId));
  }

  /**
   * After the status has committed: a ticket made by a request that passed its token check just
   * before the commit is ended here (the enqueue checks the standing again after it writes).
   */
  async withdrawIfSuspended(userId: string, db: EntityManager): Promise<void> {
    const standing = await this.accounts.standing(db, userId);
    if (!standing || !isSuspendedAt(standing, new Date())) return;
    this.queueMetrics.paired(await this.queue.withdraw(userId));
  }

  /**
   * A deleted person leaves a tombstone and nothing else: their matches end (partners are
   * told), their swipes, blocks, connections, impressions (shown or seen), event
   * registrations, queue ticket and pending pair go.
   */
  async forget(tx: EntityManager, deleted: UserDeletedData, version: number): Promise<void> {
    await this.profiles.tombstone(tx, deleted.userId, version, deleted.deletedAt);
    await this.matches.endAllOf(tx, deleted.userId);
    await this.swipes.removeAllOf(tx, deleted.userId);
    await this.blocks.removeAllOf(tx, deleted.userId);
    await this.connections.removeAllOf(tx, deleted.userId);
    await this.impressions.removeAllOf(tx, deleted.userId);
    await this.attendance.removeAllOf(tx, deleted.userId);
    // Idempotent, so a retry after a failed commit changes nothing twice.
    this.queueMetrics.paired(await this.queue.forget(deleted.userId));
  }
}
