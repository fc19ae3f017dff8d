import { Injectable } from '@nestjs/common';
import { BOOKING_ERRORS, DomainError } from '@rendezvous/contracts';
import { lockActiveCaller, lockPersonForChange, suspendedPersonSql } from '@rendezvous/platform';
import type { Queryable } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';

/**
 * Who exists, from `user.created` and `user.deleted`; a deletion leaves a tombstone. Who is
 * suspended or banned is in `account_status`.
 */
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

  /** The caller's row, share-locked for the transaction; a deleted or suspended caller gets 401. */
  lockCaller(tx: EntityManager, userId: string): Promise<void> {
    return lockActiveCaller(tx, userId);
  }

  /** The person's row, locked exclusively: their plan changes in flight commit first. */
  lockForChange(tx: EntityManager, userId: string): Promise<void> {
    return lockPersonForChange(tx, userId);
  }

  /**
   * Ids among `ids` of people others may reach: known (created), not deleted, and not suspended
   * or banned (to everyone else they are unknown until reinstated).
   */
  async existing(db: Queryable, ids: string[]): Promise<Set<string>> {
    const rows = (await db.query(
      `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND version > 0 AND deleted_at IS NULL
         AND NOT ${suspendedPersonSql('users.id')}`,
      [ids],
    )) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }
}

export function unknownPerson(path: string, userId: string): DomainError {
  return new DomainError(BOOKING_ERRORS.USER_NOT_FOUND, `No person ${userId}`, [
    { path, message: `${path} names nobody known: ${userId}` },
  ]);
}
