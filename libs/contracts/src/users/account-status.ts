import type { Static } from '../events/schema-builder';
import {
  Closed,
  DateTime,
  defineEvent,
  Nullable,
  OneOf,
  Type,
  Uuid,
} from '../events/schema-builder';
import type { Role } from './roles';
import { ROLES } from './roles';

export { ACCOUNT_STATUSES } from './account-status-values';
import { ACCOUNT_STATUSES } from './account-status-values';
export type { AccountStatus } from './account-status-values';

/**
 * `user.status_changed`: the person's standing after the change — status, role and auto-hide —
 * whole, so the newest event is all a consumer needs. Aggregate = the user id, on the same
 * version sequence as `user.created`/`user.updated`; a consumer keeps the newest it has seen.
 * `suspendedUntil` ends a timed suspension (`null` for a ban, an open-ended suspension or an
 * active account); `roleChangedAt` is `null` when the role never changed since signup; `hidden`
 * means auto-hidden by reports from several people, until a moderator decides.
 */
export const USER_STATUS_CHANGED = defineEvent(
  1,
  Closed({
    userId: Uuid(),
    status: OneOf(ACCOUNT_STATUSES),
    suspendedUntil: Nullable(DateTime()),
    role: OneOf(ROLES),
    roleChangedAt: Nullable(DateTime()),
    hidden: Type.Boolean(),
    changedAt: DateTime(),
  }),
);
export type UserStatusData = Static<typeof USER_STATUS_CHANGED.data>;

/** What verifiers and projections hold of a person's standing. */
export type AccountStanding = Pick<
  UserStatusData,
  'status' | 'suspendedUntil' | 'role' | 'roleChangedAt' | 'hidden'
>;

const ROLE_RANK: Record<Role, number> = { user: 0, moderator: 1, admin: 2 };

/** Whether `role` may do everything `than` may. */
export function roleAtLeast(role: Role, than: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[than];
}

/**
 * Suspended or banned at `now`: a timed suspension ends by itself at `suspendedUntil`, with no
 * event, so every service computes it the same way from the standing it holds.
 */
export function isSuspendedAt(
  standing: Pick<AccountStanding, 'status' | 'suspendedUntil'>,
  now: Date,
): boolean {
  if (standing.status === 'banned') return true;
  if (standing.status !== 'suspended') return false;
  return standing.suspendedUntil === null || Date.parse(standing.suspendedUntil) > now.getTime();
}

/** Kept out of other people's discovery, recommendations and proximity at `now`. */
export function isHiddenAt(standing: AccountStanding, now: Date): boolean {
  return standing.hidden || isSuspendedAt(standing, now);
}

/** Why a verified access token must still be refused, from the person's standing. */
export type TokenRefusal = 'suspended' | 'role_changed';

/**
 * A token is refused while its owner is suspended, and when it claims a role above the current
 * one and was issued no later than that role change. A token issued after the last change this
 * verifier knows of is newer than what it holds (a promotion not yet seen), so it passes.
 */
export function tokenRefusal(
  standing: AccountStanding,
  token: { role: Role; issuedAt: number },
  now: Date,
): TokenRefusal | null {
  if (isSuspendedAt(standing, now)) return 'suspended';
  if (roleAtLeast(standing.role, token.role)) return null;
  if (standing.roleChangedAt === null) return null;
  return token.issuedAt * 1000 <= Date.parse(standing.roleChangedAt) ? 'role_changed' : null;
}
