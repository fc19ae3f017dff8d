import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from '@rendezvous/contracts';
import { ACCESS_TOKEN_AUDIENCE } from '@rendezvous/contracts';
import { ACCESS_TOKEN_ALG } from './key-material';
import type { SigningKey } from './key-material';

export interface AccessTokenClaims {
  userId: string;
  role: Role;
  /** The `JWT_ISSUER` setting, which every verifier requires. */
  issuer: string;
}

export function signAccessToken(
  key: SigningKey,
  claims: AccessTokenClaims,
  ttlSeconds: number,
  now: Date = new Date(),
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, kid: key.publicJwk.kid, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(claims.issuer)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key.privateKey as KeyObject);
}
