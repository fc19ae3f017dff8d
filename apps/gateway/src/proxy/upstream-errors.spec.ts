import { GATEWAY_ERRORS } from '@rendezvous/contracts';
import { upstreamFailure } from './upstream-errors';

describe(upstreamFailure.name, () => {
  it('reports timeouts as upstream timeouts', () => {
    expect(upstreamFailure('user', { statusCode: 504 }).code).toBe(GATEWAY_ERRORS.UPSTREAM_TIMEOUT);
    expect(upstreamFailure('user', { code: 'UND_ERR_CONNECT_TIMEOUT' }).code).toBe(
      GATEWAY_ERRORS.UPSTREAM_TIMEOUT,
    );
  });

  it('reports a streamed body over the limit as too large', () => {
    expect(upstreamFailure('user', { cause: { code: 'GATEWAY_BODY_TOO_LARGE' } }).code).toBe(
      'COMMON.PAYLOAD_TOO_LARGE',
    );
  });

  it('reports refused connections and anything else as unavailable, naming the service', () => {
    const error = upstreamFailure('matching', { statusCode: 500, code: 'ECONNREFUSED' });
    expect(error.code).toBe(GATEWAY_ERRORS.UPSTREAM_UNAVAILABLE);
    expect(error.detail).toContain('matching');
    expect(upstreamFailure('user', undefined).code).toBe(GATEWAY_ERRORS.UPSTREAM_UNAVAILABLE);
  });
});
