import { Injectable } from '@nestjs/common';
import { BOOKING_ERRORS, COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** Who exists, from `user.created` and `user.deleted`; a deletion leaves a tombstone. */
@Injectable()
export class PeopleRepository {
  async created(tx: EntityManager, userId: string, version: number): Promise<void> {
    await tx.query(
      `INSERT INTO users (id, version) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version
       WHERE users.version < EXCLUDED.version AND users.deleted_at IS NULL`,
      [userId, version],
    );
  }

  /** The exclusive row lock waits for the person's in-flight plan changes to commit. */
  async tombstone(tx: EntityManager, userId: string, version: number, at: string): Promise<void> {
    await tx.query(
      `INSERT INTO users (id, version, deleted_at) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET version = GREATEST(users.version, EXCLUDED.version),
         deleted_at = COALESCE(users.deleted_at, EXCLUDED.deleted_at)`,
      [userId, version, at],
    );
    await tx.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
  }

  /**
   * Share-locks the caller's row for the transaction (made if this service has not heard of
   * them yet), so their deletion waits for this change and then undoes it; a deleted caller
   * gets 401.
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

  /** Ids among `ids` of people known (created) and not deleted. */
  async existing(db: Queryable, ids: string[]): Promise<Set<string>> {
    const rows = (await db.query(
      `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND version > 0 AND deleted_at IS NULL`,
      [ids],
    )) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  async assertExists(db: Queryable, userId: string, path: string): Promise<void> {
    if ((await this.existing(db, [userId])).size === 0) throw unknownPerson(path, userId);
  }
}

export function unknownPerson(path: string, userId: string): DomainError {
  return new DomainError(BOOKING_ERRORS.USER_NOT_FOUND, `No person ${userId}`, [
    { path, message: `${path} names nobody known: ${userId}` },
  ]);
}
