import { AUTH_ERRORS, DomainError } from '@rendezvous/contracts';
import { newTraceId, toProblem } from '@rendezvous/platform';

/**
 * Why a Socket.IO handshake fails (`connect_error`): a suspended or banned person is told so,
 * with the problem as `data` (`403`, as at sign-in: API.md, Identity); every other refusal is
 * just `unauthorized`.
 */
export function handshakeError(error: unknown): Error {
  if (!(error instanceof DomainError) || error.code !== AUTH_ERRORS.ACCOUNT_SUSPENDED) {
    return new Error('unauthorized');
  }
  const refused = new DomainError(error.code, error.detail, undefined, undefined, {
    ...error.options,
    status: 403,
  });
  return Object.assign(new Error(error.code), { data: toProblem(refused, newTraceId()).problem });
}
