import { Injectable } from '@nestjs/common';
import type { UserBlockData, UserDeletedData, UserStateData } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';
import { AttendanceRepository } from '../attendance/attendance.repository';
import { MatchesService } from '../matches/matches.service';
import { SwipesRepository } from '../swipes/swipes.repository';
import { ProfilesRepository } from '../profiles/profiles.repository';
import { QueueStore } from '../queue/queue-store';
import { BlocksProjection } from '@rendezvous/platform';

/** Keeps matching's picture of people in step with the user service's events. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly blocks: BlocksProjection,
    private readonly swipes: SwipesRepository,
    private readonly matches: MatchesService,
    private readonly attendance: AttendanceRepository,
    private readonly queue: QueueStore,
  ) {}

  applyState(tx: EntityManager, state: UserStateData, version: number): Promise<void> {
    return this.profiles.upsertIfNewer(tx, state, version);
  }

  /**
   * The queue's copy of the pair's block (in Redis, for the pairing script) follows the stored
   * state before the transaction commits: if Redis fails, the event is retried.
   */
  async applyBlock(
    tx: EntityManager,
    block: UserBlockData,
    active: boolean,
    version: number,
  ): Promise<void> {
    await this.blocks.applyIfNewer(tx, block, active, version);
    const stored = await this.blocks.isActive(tx, block.blockerId, block.blockedId);
    await this.queue.setBlock(block.blockerId, block.blockedId, stored);
  }

  /**
   * A deleted person leaves a tombstone and nothing else: their matches end (partners are
   * told), their swipes, blocks, event registrations, queue ticket and pending pair go.
   */
  async forget(tx: EntityManager, deleted: UserDeletedData, version: number): Promise<void> {
    await this.profiles.tombstone(tx, deleted.userId, version, deleted.deletedAt);
    await this.matches.endAllOf(tx, deleted.userId);
    await this.swipes.removeAllOf(tx, deleted.userId);
    await this.blocks.removeAllOf(tx, deleted.userId);
    await this.attendance.removeAllOf(tx, deleted.userId);
    // Idempotent, so a retry after a failed commit changes nothing twice.
    await this.queue.forget(deleted.userId);
  }
}
