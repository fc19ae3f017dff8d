import { DomainError, GATEWAY_ERRORS } from '@rendezvous/contracts';

interface ReplyFromError {
  statusCode?: number;
  code?: string;
}

/** Why a forwarded request got no answer, as the client should see it. */
export function upstreamFailure(service: string, error: unknown): DomainError {
  const { statusCode, code } = (error ?? {}) as ReplyFromError;
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
