import type { AccountStanding } from '@rendezvous/contracts';
import {
  AUTH_ERRORS,
  DomainError,
  accountSuspendedError,
  tokenRefusal,
} from '@rendezvous/contracts';
import type { AuthUser } from './auth-user';

/**
 * The error that refuses a verified token, from what this process knows of its owner: deleted,
 * suspended or banned (`401 AUTH.ACCOUNT_SUSPENDED`), or demoted since it was issued
 * (`401 AUTH.ROLE_CHANGED`). `null` lets it through.
 */
export function accessRefusal(
  user: AuthUser,
  known: { deleted: boolean; standing: AccountStanding | null },
  now = new Date(),
): DomainError | null {
  if (known.deleted)
    return new DomainError('COMMON.UNAUTHORIZED', 'The access token has been revoked');
  if (!known.standing) return null;
  const refusal = tokenRefusal(
    known.standing,
    { role: user.role, issuedAt: user.issuedAt ?? 0 },
    now,
  );
  if (refusal === 'suspended') return accountSuspendedError(401, known.standing);
  if (refusal === 'role_changed') {
    return new DomainError(
      AUTH_ERRORS.ROLE_CHANGED,
      'Your role has changed since this token was issued; sign in again',
    );
  }
  return null;
}
