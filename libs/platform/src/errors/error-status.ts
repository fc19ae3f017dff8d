import type { ErrorCode } from '@rendezvous/contracts';
import { AUTH_ERRORS, COMMON_ERRORS, GATEWAY_ERRORS, USER_ERRORS } from '@rendezvous/contracts';

/** The one place an error code becomes an HTTP status; exhaustive so a new code can't be missed. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case COMMON_ERRORS.VALIDATION_FAILED:
    case COMMON_ERRORS.MALFORMED_JSON:
      return 400;
    case COMMON_ERRORS.UNAUTHORIZED:
    case AUTH_ERRORS.INVALID_CREDENTIALS:
    case AUTH_ERRORS.INVALID_REFRESH_TOKEN:
    case AUTH_ERRORS.REFRESH_TOKEN_REUSED:
    case GATEWAY_ERRORS.TOKEN_REVOKED:
      return 401;
    case COMMON_ERRORS.FORBIDDEN:
      return 403;
    case COMMON_ERRORS.NOT_FOUND:
    case COMMON_ERRORS.ROUTE_NOT_FOUND:
    case USER_ERRORS.USER_NOT_FOUND:
    case USER_ERRORS.TIMESLOT_NOT_FOUND:
    case USER_ERRORS.CONNECTION_NOT_FOUND:
    case USER_ERRORS.BLOCK_NOT_FOUND:
      return 404;
    case COMMON_ERRORS.METHOD_NOT_ALLOWED:
      return 405;
    case COMMON_ERRORS.CONFLICT:
    case AUTH_ERRORS.EMAIL_TAKEN:
    case USER_ERRORS.TIMESLOT_OVERLAP:
    case USER_ERRORS.CONNECTION_EXISTS:
    case USER_ERRORS.ALREADY_BLOCKED:
      return 409;
    case COMMON_ERRORS.PAYLOAD_TOO_LARGE:
      return 413;
    case COMMON_ERRORS.UNSUPPORTED_MEDIA_TYPE:
      return 415;
    case COMMON_ERRORS.RATE_LIMITED:
    case AUTH_ERRORS.TOO_MANY_FAILED_LOGINS:
      return 429;
    case COMMON_ERRORS.INTERNAL:
      return 500;
    case COMMON_ERRORS.DEPENDENCY_UNAVAILABLE:
    case COMMON_ERRORS.SERVICE_UNAVAILABLE:
    case GATEWAY_ERRORS.UPSTREAM_UNAVAILABLE:
      return 503;
    case COMMON_ERRORS.TIMEOUT:
    case GATEWAY_ERRORS.UPSTREAM_TIMEOUT:
      return 504;
  }
}
