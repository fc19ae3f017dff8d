import { Injectable } from '@nestjs/common';
import type { AccountStanding, Role, UserStatusData } from '@rendezvous/contracts';
import type { Queryable } from './queryable';

/** The standing columns, as `account_status` and the user service's `users` both name them. */
export interface StandingRow {
  status: AccountStanding['status'];
  suspended_until: Date | null;
  role: Role;
  role_changed_at: Date | null;
  hidden: boolean;
}

const SUSPENDED = (alias: string) =>
  `(${alias}.status = 'banned' OR (${alias}.status = 'suspended'
     AND (${alias}.suspended_until IS NULL OR ${alias}.suspended_until > now())))`;

/**
 * SQL that is true while the person whose id is `idColumn` is suspended or banned: to everyone
 * else they are `404`, and they leave attendee and match lists. A timed suspension ends by itself.
 */
export function suspendedPersonSql(idColumn: string): string {
  return `EXISTS (SELECT 1 FROM account_status acs WHERE acs.user_id = ${idColumn} AND ${SUSPENDED('acs')})`;
}

/**
 * SQL for how long the `account_status` row `alias` keeps its person hidden: `infinity` while
 * auto-hidden, banned or suspended without an end, the end of a timed suspension, `NULL` when
 * nothing hides them. The one hiding rule: the checks below compare it with `now()`, and a table
 * may copy it beside each person to filter its own rows instead of a lookup per row.
 */
export function hiddenUntilSql(alias: string): string {
  return `CASE WHEN ${alias}.hidden OR ${alias}.status = 'banned' THEN 'infinity'::timestamptz
    WHEN ${alias}.status = 'suspended' THEN COALESCE(${alias}.suspended_until, 'infinity')
    END`;
}

/** Whether the `account_status` row `alias` keeps its person hidden now (the one rule, above). */
const HIDDEN = (alias: string) => `(${hiddenUntilSql(alias)}) > now()`;

/** SQL that is true while the person is kept out of discovery, recommendations and proximity. */
export function hiddenPersonSql(idColumn: string): string {
  return `EXISTS (SELECT 1 FROM account_status ach WHERE ach.user_id = ${idColumn}
    AND ${HIDDEN('ach')})`;
}

export function standingFromRow(row: StandingRow): AccountStanding {
  return {
    status: row.status,
    suspendedUntil: row.suspended_until?.toISOString() ?? null,
    role: row.role,
    roleChangedAt: row.role_changed_at?.toISOString() ?? null,
    hidden: row.hidden,
  };
}

/**
 * The `account_status` table every service with a database keeps from `user.status_changed`
 * (ARCHITECTURE.md, Safety). The one way a service learns who is suspended, banned, auto-hidden
 * or demoted.
 */
@Injectable()
export class AccountStatusProjection {
  /**
   * Stores the standing if it is newer than the one held (by the user's version); answers the
   * standing held before, or `undefined` when the event was older and changed nothing.
   */
  async applyIfNewer(
    tx: Queryable,
    data: UserStatusData,
    version: number,
  ): Promise<{ before: AccountStanding | null } | undefined> {
    const before = await this.standingForUpdate(tx, data.userId);
    if (before && before.version >= version) return undefined;
    await tx.query(
      `INSERT INTO account_status
         (user_id, status, suspended_until, role, role_changed_at, hidden, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET status = EXCLUDED.status,
         suspended_until = EXCLUDED.suspended_until, role = EXCLUDED.role,
         role_changed_at = EXCLUDED.role_changed_at, hidden = EXCLUDED.hidden,
         version = EXCLUDED.version
       WHERE account_status.version < EXCLUDED.version`,
      [
        data.userId,
        data.status,
        data.suspendedUntil,
        data.role,
        data.roleChangedAt,
        data.hidden,
        version,
      ],
    );
    return { before: before?.standing ?? null };
  }

  async standing(db: Queryable, userId: string): Promise<AccountStanding | null> {
    const rows = (await db.query(
      `SELECT status, suspended_until, role, role_changed_at, hidden
         FROM account_status WHERE user_id = $1`,
      [userId],
    )) as StandingRow[];
    return rows[0] ? standingFromRow(rows[0]) : null;
  }

  /** Whether the person is suspended or banned now. */
  async isSuspended(db: Queryable, userId: string): Promise<boolean> {
    const rows = (await db.query(
      `SELECT 1 FROM account_status a WHERE a.user_id = $1 AND ${SUSPENDED('a')}`,
      [userId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Whether the person is kept out of discovery, recommendations and proximity now. */
  async isHidden(db: Queryable, userId: string): Promise<boolean> {
    const rows = (await db.query(
      `SELECT 1 FROM account_status a WHERE a.user_id = $1 AND ${HIDDEN('a')}`,
      [userId],
    )) as unknown[];
    return rows.length > 0;
  }

  private async standingForUpdate(
    tx: Queryable,
    userId: string,
  ): Promise<{ standing: AccountStanding; version: number } | undefined> {
    const rows = (await tx.query(
      `SELECT status, suspended_until, role, role_changed_at, hidden, version
         FROM account_status WHERE user_id = $1 FOR UPDATE`,
      [userId],
    )) as (StandingRow & { version: number })[];
    return rows[0] ? { standing: standingFromRow(rows[0]), version: rows[0].version } : undefined;
  }
}
