import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT, calculateJwkThumbprint } from 'jose';

/**
 * Signs access tokens with the running suite's development key (`.local/keys`), as the user
 * service would, so a benchmark needs no sign-ups for people it only needs tokens for.
 */
export async function suiteTokenMinter(): Promise<
  (userId: string, role?: 'user' | 'admin') => Promise<string>
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
      .setIssuedAt()
      .setExpirationTime('30m')
      .sign(privateKey);
}
