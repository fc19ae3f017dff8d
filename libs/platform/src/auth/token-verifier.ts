import { Inject, Injectable, Optional } from '@nestjs/common';
import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, COMMON_ERRORS, DomainError, isRole } from '@rendezvous/contracts';
import type { AuthUser } from './auth-user';
import { PlatformConfig } from '../config/platform.config';

export const ACCESS_TOKEN_ALGORITHMS = ['ES256', 'EdDSA'];

/**
 * How far ahead of this host's clock a token's `iat` may be: the signer's clock and ours differ
 * by a little even when both are NTP-synced. Only `iat` gets it; `exp` is taken exactly.
 */
export const ISSUED_AT_TOLERANCE_SECONDS = 5;

const RETRY_CHECK_AFTER_SECONDS = 1;

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

function unauthorized(detail: string): DomainError {
  return new DomainError(COMMON_ERRORS.UNAUTHORIZED, detail);
}

/**
 * Checks an access token's signature and claims against a key set; pure apart from the keys.
 * Refuses a token without `exp` or `iat`, from another issuer or for another audience, or
 * issued in the future.
 */
export async function verifyAccessToken(
  token: string,
  keys: JWTVerifyGetKey,
  issuer: string,
): Promise<AuthUser> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: ACCESS_TOKEN_ALGORITHMS,
      issuer,
      audience: ACCESS_TOKEN_AUDIENCE,
      // jose checks presence here and that both are numbers; a token without exp never expires.
      requiredClaims: ['exp', 'iat'],
    });
    const nowSeconds = Math.floor(Date.now() / 1000);
    if ((payload.iat ?? Infinity) > nowSeconds + ISSUED_AT_TOLERANCE_SECONDS) {
      throw unauthorized('Invalid token');
    }
    if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) {
      throw unauthorized('Invalid token');
    }
    const role = payload['role'];
    if (!isRole(role)) throw unauthorized('Invalid token');
    return { id: payload.sub, role, issuedAt: payload.iat };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw unauthorized('The access token has expired');
    if (error instanceof joseErrors.JOSEError) throw unauthorized('Invalid token');
    // Key set unreachable: not the caller's fault, but the token cannot be trusted either.
    throw new DomainError(COMMON_ERRORS.DEPENDENCY_UNAVAILABLE, 'Cannot verify tokens right now');
  }
}

/**
 * Refuses tokens of people who must lose access before their tokens expire: deleted, suspended,
 * banned or demoted people. Answers the error to throw, or `null` to let the token through.
 */
export interface RevocationCheck {
  refusal(user: AuthUser): Promise<DomainError | null>;
}

export const REVOCATION_CHECK = Symbol('REVOCATION_CHECK');

/**
 * Verifies access tokens with the user service's JWKS. jose caches the key set and refetches
 * only on an unknown key id (with a cooldown), so key rotation needs no redeploy.
 */
@Injectable()
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly issuer: string;

  constructor(
    config: PlatformConfig,
    @Optional() @Inject(REVOCATION_CHECK) private readonly revocation?: RevocationCheck,
  ) {
    this.issuer = config.JWT_ISSUER;
    this.keys = createRemoteJWKSet(new URL(config.JWKS_URL), {
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
      timeoutDuration: 5_000,
    });
  }

  async verify(token: string): Promise<AuthUser> {
    const user = await verifyAccessToken(token, this.keys, this.issuer);
    if (!this.revocation) return user;
    let refusal: DomainError | null;
    try {
      refusal = await this.revocation.refusal(user);
    } catch {
      // The store that knows is down or being rebuilt: not the caller's fault, but not safe to
      // let them in; worth asking again in a moment.
      throw new DomainError(
        COMMON_ERRORS.DEPENDENCY_UNAVAILABLE,
        'Cannot verify tokens right now',
        undefined,
        RETRY_CHECK_AFTER_SECONDS,
      );
    }
    if (refusal) throw refusal;
    return user;
  }
}
