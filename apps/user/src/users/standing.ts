import type { AccountStanding, AccountStatus, UserStatusData } from '@rendezvous/contracts';
import { isSuspendedAt } from '@rendezvous/contracts';
import { standingFromRow } from '@rendezvous/platform';
import type { UserRow } from './user-record';

type StandingColumns = Pick<
  UserRow,
  'status' | 'suspended_until' | 'role' | 'role_changed_at' | 'hidden'
>;

/** The standing as stored; a timed suspension past its end still reads `suspended` here. */
export function standingOf(row: StandingColumns): AccountStanding {
  return standingFromRow(row);
}

export function isSuspendedNow(row: StandingColumns, now: Date = new Date()): boolean {
  return isSuspendedAt(standingOf(row), now);
}

/** The status as people see it: a timed suspension that has ended is `active`. */
export function effectiveStatus(
  row: Pick<UserRow, 'status' | 'suspended_until'>,
  now: Date = new Date(),
): { status: AccountStatus; suspendedUntil: string | null } {
  const standing = {
    status: row.status,
    suspendedUntil: row.suspended_until?.toISOString() ?? null,
  };
  if (row.status === 'suspended' && !isSuspendedAt(standing, now)) {
    return { status: 'active', suspendedUntil: null };
  }
  return standing;
}

export function toStatusData(row: UserRow, now: Date = new Date()): UserStatusData {
  return { userId: row.id, ...standingOf(row), changedAt: now.toISOString() };
}

/** SQL that is true while the `users` row `alias` is suspended or banned (an ended one is not). */
export function suspendedUserSql(alias: string): string {
  return `(${alias}.status = 'banned' OR (${alias}.status = 'suspended'
    AND (${alias}.suspended_until IS NULL OR ${alias}.suspended_until > now())))`;
}

/** SQL for the status people see (`effectiveStatus`) of the `users` row `alias`. */
export function effectiveStatusSql(alias: string): string {
  return `(CASE WHEN ${alias}.status = 'suspended' AND ${alias}.suspended_until <= now()
    THEN 'active' ELSE ${alias}.status END)`;
}
