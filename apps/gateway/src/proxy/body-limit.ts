import { Transform } from 'node:stream';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';

export const BODY_TOO_LARGE = 'GATEWAY_BODY_TOO_LARGE';

export function bodyTooLarge(): DomainError {
  return new DomainError(
    COMMON_ERRORS.PAYLOAD_TOO_LARGE,
    'The request body is larger than allowed',
  );
}

/** Passes a streamed body through, failing it once more than `limit` bytes have gone by. */
export function limitedBody(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) {
        callback(Object.assign(new Error('request body too large'), { code: BODY_TOO_LARGE }));
        return;
      }
      callback(null, chunk);
    },
  });
}
