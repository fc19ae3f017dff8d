import { Inject, Injectable, Optional } from '@nestjs/common';
import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import type { AuthUser, Role } from './auth-user';
import { PlatformConfig } from '../config/platform.config';

export const ACCESS_TOKEN_ALGORITHMS = ['ES256', 'EdDSA'];
const ROLES: readonly Role[] = ['user', 'admin'];
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

function unauthorized(detail: string): DomainError {
  return new DomainError(COMMON_ERRORS.UNAUTHORIZED, detail);
}

/** Checks an access token's signature and claims against a key set; pure apart from the keys. */
export async function verifyAccessToken(token: string, keys: JWTVerifyGetKey): Promise<AuthUser> {
  try {
    const { payload } = await jwtVerify(token, keys, { algorithms: ACCESS_TOKEN_ALGORITHMS });
    const role = payload['role'];
    if (typeof payload.sub !== 'string' || !UUID.test(payload.sub))
      throw unauthorized('Invalid token');
    if (typeof role !== 'string' || !ROLES.includes(role as Role))
      throw unauthorized('Invalid token');
    return { id: payload.sub, role: role as Role };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw unauthorized('The access token has expired');
    if (error instanceof joseErrors.JOSEError) throw unauthorized('Invalid token');
    // Key set unreachable: not the caller's fault, but the token cannot be trusted either.
    throw new DomainError(COMMON_ERRORS.DEPENDENCY_UNAVAILABLE, 'Cannot verify tokens right now');
  }
}

/** Refuses tokens of people who must lose access before their tokens expire (deleted users). */
export interface RevocationCheck {
  isRevoked(user: AuthUser): Promise<boolean>;
}

export const REVOCATION_CHECK = Symbol('REVOCATION_CHECK');

/**
 * Verifies access tokens with the user service's JWKS. jose caches the key set and refetches
 * only on an unknown key id (with a cooldown), so key rotation needs no redeploy.
 */
@Injectable()
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    config: PlatformConfig,
    @Optional() @Inject(REVOCATION_CHECK) private readonly revocation?: RevocationCheck,
  ) {
    this.keys = createRemoteJWKSet(new URL(config.JWKS_URL), {
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
      timeoutDuration: 5_000,
    });
  }

  async verify(token: string): Promise<AuthUser> {
    const user = await verifyAccessToken(token, this.keys);
    if (this.revocation && (await this.revocation.isRevoked(user))) {
      throw unauthorized('The access token has been revoked');
    }
    return user;
  }
}
