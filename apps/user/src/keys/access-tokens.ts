import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { UserRole } from '@rendezvous/contracts';
import { ACCESS_TOKEN_ALG } from './key-material';
import type { SigningKey } from './key-material';

export function signAccessToken(
  key: SigningKey,
  claims: { userId: string; role: UserRole },
  ttlSeconds: number,
  now: Date = new Date(),
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, kid: key.publicJwk.kid, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key.privateKey as KeyObject);
}
