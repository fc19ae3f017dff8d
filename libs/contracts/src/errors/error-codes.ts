/**
 * Namespaced error codes (`<NAMESPACE>.<REASON>`). They cross process hops as strings, so
 * the HTTP status of each is decided in one place: the platform's problem-details filter.
 */
export const COMMON_ERRORS = {
  VALIDATION_FAILED: 'COMMON.VALIDATION_FAILED',
  MALFORMED_JSON: 'COMMON.MALFORMED_JSON',
  UNSUPPORTED_MEDIA_TYPE: 'COMMON.UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE: 'COMMON.PAYLOAD_TOO_LARGE',
  UNAUTHORIZED: 'COMMON.UNAUTHORIZED',
  FORBIDDEN: 'COMMON.FORBIDDEN',
  NOT_FOUND: 'COMMON.NOT_FOUND',
  ROUTE_NOT_FOUND: 'COMMON.ROUTE_NOT_FOUND',
  METHOD_NOT_ALLOWED: 'COMMON.METHOD_NOT_ALLOWED',
  CONFLICT: 'COMMON.CONFLICT',
  RATE_LIMITED: 'COMMON.RATE_LIMITED',
  DEPENDENCY_UNAVAILABLE: 'COMMON.DEPENDENCY_UNAVAILABLE',
  SERVICE_UNAVAILABLE: 'COMMON.SERVICE_UNAVAILABLE',
  TIMEOUT: 'COMMON.TIMEOUT',
  INTERNAL: 'COMMON.INTERNAL',
} as const;

export type CommonErrorCode = (typeof COMMON_ERRORS)[keyof typeof COMMON_ERRORS];

/** Every error code in the system; features add their namespaces to this union. */
export type ErrorCode = CommonErrorCode;

export const PROBLEM_TYPE_PREFIX = 'urn:rendezvous:problem:';

export function problemType(code: string): string {
  return `${PROBLEM_TYPE_PREFIX}${code}`;
}
