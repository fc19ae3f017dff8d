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
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}
