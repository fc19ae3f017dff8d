import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Role } from '@rendezvous/contracts';
import { ACCESS_TOKEN_AUDIENCE, DEFAULT_ACCESS_TOKEN_ISSUER } from '@rendezvous/contracts';
import { SignJWT, calculateJwkThumbprint } from 'jose';

/**
 * Signs access tokens with the running suite's development key (`.local/keys`), as the user
 * service would, so a benchmark needs no sign-ups for people it only needs tokens for.
 */
export async function suiteTokenMinter(): Promise<
  (userId: string, role?: Role) => Promise<string>
> {
  const privateKey = createPrivateKey(readFileSync('.local/keys/jwt-private.pem', 'utf8'));
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const kid = await calculateJwkThumbprint({
    kty: 'EC',
    crv: 'P-256',
    x: String(jwk.x),
    y: String(jwk.y),
  });
  return (userId, role = 'user') =>
    new SignJWT({ role })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject(userId)
      .setIssuer(DEFAULT_ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('30m')
      .sign(privateKey);
}
