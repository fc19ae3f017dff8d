import { Injectable } from '@nestjs/common';
import type { DomainError } from '@rendezvous/contracts';
import type { AuthUser, RevocationCheck } from '@rendezvous/platform';
import { accessRefusal } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import { standingOf } from '../users/standing';
import type { UserRow } from '../users/user-record';

type StandingRow = Pick<
  UserRow,
  'deleted_at' | 'status' | 'suspended_until' | 'role' | 'role_changed_at' | 'hidden'
>;

/**
 * The user service's own token check, from the `users` row itself (the source of truth, so no
 * event to wait for): a deleted, suspended, banned or demoted person's token is refused at once.
 */
@Injectable()
export class UserAccessCheck implements RevocationCheck {
  constructor(private readonly dataSource: DataSource) {}

  async refusal(user: AuthUser): Promise<DomainError | null> {
    const rows = (await this.dataSource.query(
      `SELECT deleted_at, status, suspended_until, role, role_changed_at, hidden
         FROM users WHERE id = $1`,
      [user.id],
    )) as StandingRow[];
    const row = rows[0];
    // Not ours to judge (tokens of unknown people are refused by ActiveUserGuard where it matters).
    if (!row) return null;
    return accessRefusal(user, { deleted: row.deleted_at !== null, standing: standingOf(row) });
  }
}
