import { DomainError, GATEWAY_ERRORS } from '@rendezvous/contracts';
import { BODY_TOO_LARGE, bodyTooLarge } from './body-limit';

interface ReplyFromError {
  statusCode?: number;
  code?: string;
  cause?: { code?: string };
}

/** Why a forwarded request got no answer, as the client should see it. */
export function upstreamFailure(service: string, error: unknown): DomainError {
  const { statusCode, code, cause } = (error ?? {}) as ReplyFromError;
  if (code === BODY_TOO_LARGE || cause?.code === BODY_TOO_LARGE) return bodyTooLarge();
  if (statusCode === 504 || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new DomainError(
      GATEWAY_ERRORS.UPSTREAM_TIMEOUT,
      `The ${service} service did not answer in time`,
    );
  }
  return new DomainError(
    GATEWAY_ERRORS.UPSTREAM_UNAVAILABLE,
    `The ${service} service is unavailable; try again shortly`,
  );
}
