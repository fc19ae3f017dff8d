import type { AccountStatus, ErrorCode, Role } from '@rendezvous/contracts';
import { COMMON_ERRORS, MODERATION_ERRORS } from '@rendezvous/contracts';

/** What a moderator or admin does to a person's standing (a dismissal touches nobody). */
export type StandingAction = 'warn' | 'suspend' | 'ban' | 'reinstate';

export interface Refusal {
  code: ErrorCode;
  detail: string;
}

/**
 * Why `actor` may not take `action` on a person with `target` role and (effective) `status`, or
 * `null`. Who may act (403) is decided before whether the person's state allows it (409).
 */
export function standingRefusal(
  actor: Role,
  target: { role: Role; status: AccountStatus },
  action: StandingAction,
): Refusal | null {
  const forbidden = (detail: string) => ({ code: COMMON_ERRORS.FORBIDDEN, detail });
  const conflict = (detail: string) => ({ code: MODERATION_ERRORS.ACCOUNT_STATE_CONFLICT, detail });
  if (actor !== 'admin' && actor !== 'moderator') return forbidden('Only moderators and admins');
  if (action === 'ban' && actor !== 'admin') return forbidden('Only admins ban');
  if (target.role === 'admin' && action !== 'reinstate') {
    return forbidden('Nobody warns, suspends or bans an admin');
  }
  if (actor === 'moderator' && target.role !== 'user') {
    return forbidden('Moderators act only on user accounts');
  }
  if (action === 'reinstate' && target.status === 'banned' && actor !== 'admin') {
    return forbidden('Only admins lift a ban');
  }
  if (target.status === 'banned' && (action === 'suspend' || action === 'ban')) {
    return conflict('This account is banned');
  }
  if (action === 'reinstate' && target.status === 'active') {
    return conflict('This account is active');
  }
  return null;
}
