import {
  AUTH_ERRORS,
  COMMON_ERRORS,
  DomainError,
  accountSuspendedError,
} from '@rendezvous/contracts';
import { handshakeError } from './handshake-error';

describe(handshakeError.name, () => {
  it('tells a suspended person why, as a 403 problem with their standing', () => {
    const until = '2026-12-01T10:00:00.000Z';
    const error = handshakeError(
      accountSuspendedError(401, { status: 'suspended', suspendedUntil: until }),
    ) as Error & { data: Record<string, unknown> };
    expect(error.message).toBe(AUTH_ERRORS.ACCOUNT_SUSPENDED);
    expect(error.data).toMatchObject({
      status: 403,
      code: AUTH_ERRORS.ACCOUNT_SUSPENDED,
      accountStatus: 'suspended',
      suspendedUntil: until,
      traceId: expect.stringMatching(/^[\da-f]{32}$/),
    });
  });

  it('says only unauthorized for any other refusal', () => {
    for (const refusal of [
      new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'The access token has been revoked'),
      new DomainError(AUTH_ERRORS.ROLE_CHANGED, 'Your role has changed'),
      new Error('the key set is unreachable'),
    ]) {
      const error = handshakeError(refusal);
      expect(error.message).toBe('unauthorized');
      expect(error).not.toHaveProperty('data');
    }
  });

  it('asks the client to retry when tokens cannot be checked right now, not to sign in again', () => {
    const error = handshakeError(
      new DomainError(COMMON_ERRORS.DEPENDENCY_UNAVAILABLE, 'Cannot verify tokens right now'),
    ) as Error & { data: Record<string, unknown> };
    expect(error.message).toBe(COMMON_ERRORS.DEPENDENCY_UNAVAILABLE);
    expect(error.data).toMatchObject({ status: 503, code: COMMON_ERRORS.DEPENDENCY_UNAVAILABLE });
  });
});
