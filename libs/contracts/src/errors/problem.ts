import type { ErrorCode } from './error-codes';

/** One bad field of a request: a JSON-pointer-like dotted path and what is wrong with it. */
export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem details as served by every Rendezvous service (API.md, Conventions). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  traceId: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Thrown by domain code; the platform maps `code` to an HTTP status. Plain class so it can be
 * thrown from framework-free logic and recognised after crossing a process hop by its code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Seconds the caller should wait, for rate limits (`Retry-After`). */
    readonly retryAfterSeconds?: number,
    /**
     * For the rare code whose status depends on where it is raised (`AUTH.ACCOUNT_SUSPENDED`),
     * and extension members of the problem (RFC 9457 §3.2) that say more than `detail`.
     */
    readonly options?: { status?: number; members?: Record<string, unknown> },
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

/**
 * A suspended or banned person: `403` at login, refresh and the socket handshake, `401` for an
 * access token. The problem's `status` stays the HTTP status (RFC 9457); the account's standing
 * travels as `accountStatus` and `suspendedUntil`.
 */
export function accountSuspendedError(
  httpStatus: 401 | 403,
  standing: { status: 'suspended' | 'banned' | 'active'; suspendedUntil: string | null },
): DomainError {
  const detail =
    standing.status === 'banned'
      ? 'This account is banned'
      : standing.suspendedUntil
        ? `This account is suspended until ${standing.suspendedUntil}`
        : 'This account is suspended until a moderator reinstates it';
  return new DomainError('AUTH.ACCOUNT_SUSPENDED', detail, undefined, undefined, {
    status: httpStatus,
    members: { accountStatus: standing.status, suspendedUntil: standing.suspendedUntil },
  });
}
