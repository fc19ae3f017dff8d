import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import type { ErrorCode, FieldError, ProblemDetails } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError, problemType } from '@rendezvous/contracts';
import { isTransientInfrastructureError } from './transient-errors';
import { statusOf } from './error-status';

export interface ProblemResponse {
  problem: ProblemDetails;
  retryAfterSeconds?: number;
  /** Unexpected errors are logged (once, here at the edge); expected ones are not. */
  unexpected: boolean;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: COMMON_ERRORS.VALIDATION_FAILED,
  401: COMMON_ERRORS.UNAUTHORIZED,
  403: COMMON_ERRORS.FORBIDDEN,
  404: COMMON_ERRORS.ROUTE_NOT_FOUND,
  405: COMMON_ERRORS.METHOD_NOT_ALLOWED,
  409: COMMON_ERRORS.CONFLICT,
  413: COMMON_ERRORS.PAYLOAD_TOO_LARGE,
  415: COMMON_ERRORS.UNSUPPORTED_MEDIA_TYPE,
  429: COMMON_ERRORS.RATE_LIMITED,
  503: COMMON_ERRORS.SERVICE_UNAVAILABLE,
  504: COMMON_ERRORS.TIMEOUT,
};

const GENERIC_DETAIL: Partial<Record<ErrorCode, string>> = {
  [COMMON_ERRORS.ROUTE_NOT_FOUND]: 'No such route',
  [COMMON_ERRORS.MALFORMED_JSON]: 'The request body is not valid JSON',
  [COMMON_ERRORS.PAYLOAD_TOO_LARGE]: 'The request body is larger than allowed',
  [COMMON_ERRORS.UNSUPPORTED_MEDIA_TYPE]: 'Send the request body as application/json',
  [COMMON_ERRORS.INTERNAL]: 'Something went wrong on our side',
  [COMMON_ERRORS.SERVICE_UNAVAILABLE]:
    'The service is busy or briefly unavailable; try again shortly',
};

/** How long a client should wait after a database or network hiccup. */
const OUTAGE_RETRY_AFTER_SECONDS = 1;

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: COMMON_ERRORS.MALFORMED_JSON,
  FST_ERR_CTP_EMPTY_JSON_BODY: COMMON_ERRORS.MALFORMED_JSON,
  FST_ERR_CTP_BODY_TOO_LARGE: COMMON_ERRORS.PAYLOAD_TOO_LARGE,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: COMMON_ERRORS.UNSUPPORTED_MEDIA_TYPE,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: COMMON_ERRORS.UNSUPPORTED_MEDIA_TYPE,
};

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

function build(
  code: ErrorCode,
  detail: string,
  traceId: string,
  errors?: FieldError[],
  options?: DomainError['options'],
): ProblemDetails {
  const status = options?.status ?? statusOf(code);
  return {
    ...options?.members,
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    traceId,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

function fromFastify(
  error: FastifyLikeError | (SyntaxError & FastifyLikeError) | undefined,
): ErrorCode | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (code) return code;
  // JSON.parse failures inside Fastify's parser carry status 400 and no FST code.
  if (error instanceof SyntaxError && error.statusCode === 400) return COMMON_ERRORS.MALFORMED_JSON;
  return undefined;
}

/** Maps anything thrown while serving a request to the problem details the client receives. */
export function toProblem(error: unknown, traceId: string): ProblemResponse {
  if (error instanceof DomainError) {
    return {
      problem: build(error.code, error.detail, traceId, error.errors, error.options),
      retryAfterSeconds: error.retryAfterSeconds,
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    // Nest wraps Fastify's own 4xx errors (body parsing, size limits) and keeps them as cause.
    const fastifyCode = fromFastify(error.cause as FastifyLikeError);
    if (fastifyCode) {
      return {
        problem: build(fastifyCode, GENERIC_DETAIL[fastifyCode] ?? 'Bad request', traceId),
        unexpected: false,
      };
    }
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? COMMON_ERRORS.INTERNAL : undefined);
    if (code) {
      const detail = GENERIC_DETAIL[code] ?? error.message;
      return { problem: build(code, detail, traceId), unexpected: status >= 500 };
    }
  }
  if (typeof error === 'object' && error !== null) {
    const code = fromFastify(error as FastifyLikeError);
    if (code) {
      return {
        problem: build(code, GENERIC_DETAIL[code] ?? 'Bad request', traceId),
        unexpected: false,
      };
    }
  }
  // An exhausted connection pool or a database that is restarting is a 503 to retry, not a bug.
  if (isTransientInfrastructureError(error)) {
    const code = COMMON_ERRORS.SERVICE_UNAVAILABLE;
    return {
      problem: build(code, GENERIC_DETAIL[code] ?? '', traceId),
      retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
      unexpected: true,
    };
  }
  return {
    problem: build(COMMON_ERRORS.INTERNAL, GENERIC_DETAIL[COMMON_ERRORS.INTERNAL] ?? '', traceId),
    unexpected: true,
  };
}
