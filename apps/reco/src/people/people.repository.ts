import { Injectable } from '@nestjs/common';
import type { UserStateData } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';

/** Reco's projection of people (the `people` table): homes, applied when newer, and tombstones. */
@Injectable()
export class PeopleRepository {
  /** A person's home location, applied only if newer; a tombstone is never overwritten. */
  async applyState(tx: EntityManager, state: UserStateData, version: number): Promise<void> {
    const location = state.profile.location;
    await tx.query(
      `INSERT INTO people (user_id, version, lat, lng) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET version = EXCLUDED.version, lat = EXCLUDED.lat,
         lng = EXCLUDED.lng
       WHERE people.version < EXCLUDED.version AND people.deleted_at IS NULL`,
      [state.userId, version, location?.lat ?? null, location?.lng ?? null],
    );
  }

  async tombstone(tx: EntityManager, userId: string, version: number, deletedAt: string) {
    await tx.query(
      `INSERT INTO people (user_id, version, deleted_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET
         version = GREATEST(people.version, EXCLUDED.version),
         deleted_at = COALESCE(people.deleted_at, EXCLUDED.deleted_at), lat = NULL, lng = NULL`,
      [userId, version, deletedAt],
    );
  }

  /**
   * Whether any of them is deleted; their tombstones are share-locked for the transaction, so a
   * deletion in progress is waited for.
   */
  async anyDeleted(tx: EntityManager, userIds: string[]): Promise<boolean> {
    const gone = (await tx.query(
      'SELECT 1 FROM people WHERE user_id = ANY($1::uuid[]) AND deleted_at IS NOT NULL FOR SHARE',
      [userIds],
    )) as unknown[];
    return gone.length > 0;
  }
}
