import { Injectable } from '@nestjs/common';
import type { UserStateData } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';
import { publicProfileOf } from './public-profile';

/**
 * The projection of users: each row is applied only when its event is newer than what is held,
 * and a deletion leaves a tombstone that no late update can bring back.
 */
@Injectable()
export class ProfilesRepository {
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

  /**
   * Share-locks the caller's row for the rest of the transaction (a row is made if this service
   * has not heard of them yet), so their deletion waits for this change and then undoes it.
   * A person known to be deleted gets 401.
   */
  async lockCaller(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('INSERT INTO users (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [userId]);
    const rows = (await tx.query('SELECT deleted_at FROM users WHERE id = $1 FOR SHARE', [
      userId,
    ])) as { deleted_at: Date | null }[];
    if (rows[0]?.deleted_at) {
      throw new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'The account no longer exists');
    }
  }
}
