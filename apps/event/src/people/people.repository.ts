import { Injectable } from '@nestjs/common';
import type { UserStateData } from '@rendezvous/contracts';
import { lockActiveCaller, lockPersonForChange } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import { publicProfileOf } from './public-profile';

/**
 * The projection of users: each row is applied only when its event is newer than what is held,
 * and a deletion leaves a tombstone that no late update can bring back.
 */
@Injectable()
export class PeopleRepository {
  async applyState(tx: EntityManager, state: UserStateData, version: number): Promise<void> {
    await tx.query(
      `INSERT INTO users (id, profile, version) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET profile = EXCLUDED.profile, version = EXCLUDED.version
       WHERE users.version < EXCLUDED.version AND users.deleted_at IS NULL`,
      [state.userId, publicProfileOf(state), version],
    );
  }

  /** Marks the person deleted; the row lock it takes makes their in-flight requests finish first. */
  async tombstone(
    tx: EntityManager,
    userId: string,
    version: number,
    deletedAt: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO users (id, profile, version, deleted_at) VALUES ($1, NULL, $2, $3)
       ON CONFLICT (id) DO UPDATE SET profile = NULL,
         version = GREATEST(users.version, EXCLUDED.version),
         deleted_at = COALESCE(users.deleted_at, EXCLUDED.deleted_at)`,
      [userId, version, deletedAt],
    );
  }

  /** The caller's row, share-locked for the transaction; a deleted or suspended caller gets 401. */
  lockCaller(tx: EntityManager, userId: string): Promise<void> {
    return lockActiveCaller(tx, userId);
  }

  /** The person's row, locked exclusively: their requests in flight commit first. */
  lockForChange(tx: EntityManager, userId: string): Promise<void> {
    return lockPersonForChange(tx, userId);
  }
}
