import type { Queryable } from '@rendezvous/platform';
import type { UserRow } from '../users/user-record';

export type StandingRow = Pick<
  UserRow,
  'deleted_at' | 'status' | 'suspended_until' | 'role' | 'role_changed_at' | 'hidden'
>;

/**
 * The reads of a request's token checks, from the `users` rows themselves. No dependencies, so
 * the platform's revocation check can hold one as well as a guard.
 */
export class UserAccessRepository {
  /** The person's deletion and standing; `undefined` when unknown. */
  async standing(db: Queryable, userId: string): Promise<StandingRow | undefined> {
    const rows = (await db.query(
      `SELECT deleted_at, status, suspended_until, role, role_changed_at, hidden
         FROM users WHERE id = $1`,
      [userId],
    )) as StandingRow[];
    return rows[0];
  }

  /** Whether the person exists and is not deleted. */
  async isLiving(db: Queryable, userId: string): Promise<boolean> {
    const rows = (await db.query('SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL', [
      userId,
    ])) as unknown[];
    return rows.length > 0;
  }
}
