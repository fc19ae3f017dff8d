import type { ErrorCode } from '@rendezvous/contracts';
import { COMMON_ERRORS } from '@rendezvous/contracts';

/** The one place an error code becomes an HTTP status; exhaustive so a new code can't be missed. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case COMMON_ERRORS.VALIDATION_FAILED:
    case COMMON_ERRORS.MALFORMED_JSON:
      return 400;
    case COMMON_ERRORS.UNAUTHORIZED:
      return 401;
    case COMMON_ERRORS.FORBIDDEN:
      return 403;
    case COMMON_ERRORS.NOT_FOUND:
    case COMMON_ERRORS.ROUTE_NOT_FOUND:
      return 404;
    case COMMON_ERRORS.METHOD_NOT_ALLOWED:
      return 405;
    case COMMON_ERRORS.CONFLICT:
      return 409;
    case COMMON_ERRORS.PAYLOAD_TOO_LARGE:
      return 413;
    case COMMON_ERRORS.UNSUPPORTED_MEDIA_TYPE:
      return 415;
    case COMMON_ERRORS.RATE_LIMITED:
      return 429;
    case COMMON_ERRORS.INTERNAL:
      return 500;
    case COMMON_ERRORS.DEPENDENCY_UNAVAILABLE:
    case COMMON_ERRORS.SERVICE_UNAVAILABLE:
      return 503;
    case COMMON_ERRORS.TIMEOUT:
      return 504;
  }
}
