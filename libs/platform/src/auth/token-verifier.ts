import { Inject, Injectable, Optional } from '@nestjs/common';
import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, COMMON_ERRORS, DomainError, isRole } from '@rendezvous/contracts';
import type { AuthUser } from './auth-user';
import { ExpiringCache } from '../cache/expiring-cache';
import { PlatformConfig } from '../config/platform.config';

export const ACCESS_TOKEN_ALGORITHMS = ['ES256', 'EdDSA'];

/**
 * How far ahead of this host's clock a token's `iat` may be: the signer's clock and ours differ
 * by a little even when both are NTP-synced. Only `iat` gets it; `exp` is taken exactly.
 */
export const ISSUED_AT_TOLERANCE_SECONDS = 5;

const RETRY_CHECK_AFTER_SECONDS = 1;

// A verified token is trusted again without its signature check until its `exp`, and at most
// this long: a key dropped from the JWKS stops counting within it (jose keeps the key set 10 min).
const VERIFIED_TOKEN_MAX_AGE_MS = 5 * 60_000;
const VERIFIED_TOKENS_KEPT = 10_000;

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
  return (await verifiedAccessToken(token, keys, issuer)).user;
}

/** `verifyAccessToken`, with the token's `exp` in epoch seconds. */
async function verifiedAccessToken(
  token: string,
  keys: JWTVerifyGetKey,
  issuer: string,
): Promise<{ user: AuthUser; expiresAt: number }> {
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
    return {
      user: { id: payload.sub, role, issuedAt: payload.iat },
      // requiredClaims made sure it is there.
      expiresAt: payload.exp ?? 0,
    };
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
 * only on an unknown key id (with a cooldown), so key rotation needs no redeploy. A token that
 * verified is remembered (bounded, never past its `exp`): a client sends the same token with
 * every request, and the signature check is most of a request's CPU at the gateway. The
 * revocation check runs on every request all the same.
 */
@Injectable()
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly issuer: string;
  private readonly verified = new ExpiringCache<string, AuthUser>(VERIFIED_TOKENS_KEPT);

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

  /** The token's owner; `revocation` replaces the check this verifier was given. */
  async verify(token: string, revocation = this.revocation): Promise<AuthUser> {
    const user = await this.verifiedOwner(token);
    if (!revocation) return user;
    let refusal: DomainError | null;
    try {
      refusal = await revocation.refusal(user);
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

  private async verifiedOwner(token: string): Promise<AuthUser> {
    const now = Date.now();
    const known = this.verified.get(token, now);
    if (known) return known;
    const { user, expiresAt } = await verifiedAccessToken(token, this.keys, this.issuer);
    this.verified.set(
      token,
      user,
      Math.min(expiresAt * 1000, now + VERIFIED_TOKEN_MAX_AGE_MS),
      now,
    );
    return user;
  }
}
