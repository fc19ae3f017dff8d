import { AUTH_ERRORS, COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import { newTraceId, toProblem } from '@rendezvous/platform';

/**
 * Why a Socket.IO handshake fails (`connect_error`): a suspended or banned person is told so,
 * with the problem as `data` (`403`, as at sign-in: API.md, Identity); a token that cannot be
 * checked right now (the revocation state is being rebuilt) is `COMMON.DEPENDENCY_UNAVAILABLE`
 * with its `503` problem, so the client retries instead of dropping a good token; every other
 * refusal is just `unauthorized`.
 */
export function handshakeError(error: unknown): Error {
  if (error instanceof DomainError && error.code === COMMON_ERRORS.DEPENDENCY_UNAVAILABLE) {
    return Object.assign(new Error(error.code), { data: toProblem(error, newTraceId()).problem });
  }
  if (!(error instanceof DomainError) || error.code !== AUTH_ERRORS.ACCOUNT_SUSPENDED) {
    return new Error('unauthorized');
  }
  const refused = new DomainError(error.code, error.detail, undefined, undefined, {
    ...error.options,
    status: 403,
  });
  return Object.assign(new Error(error.code), { data: toProblem(refused, newTraceId()).problem });
}
