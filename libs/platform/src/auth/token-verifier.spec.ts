import { randomUUID } from 'node:crypto';
import type { JWTVerifyGetKey } from 'jose';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { COMMON_ERRORS } from '@rendezvous/contracts';
import { verifyAccessToken } from './token-verifier';
import { domainErrorCode } from '@rendezvous/testing';

async function keySet() {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [jwk] }) as JWTVerifyGetKey;
  const sign = (claims: Record<string, unknown>, expiresIn = '15m') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(privateKey);
  return { keys, sign };
}

describe(verifyAccessToken.name, () => {
  it('returns the caller of a valid token', async () => {
    const { keys, sign } = await keySet();
    const id = randomUUID();
    await expect(verifyAccessToken(await sign({ sub: id, role: 'admin' }), keys)).resolves.toEqual({
      id,
      role: 'admin',
    });
  });

  it('rejects expired, tampered and foreign tokens as unauthorized', async () => {
    const { keys, sign } = await keySet();
    const other = await keySet();
    const valid = await sign({ sub: randomUUID(), role: 'user' });
    const [header, payload, signature] = valid.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: randomUUID(), role: 'admin' })).toString(
      'base64url',
    );
    expect(
      await domainErrorCode(
        verifyAccessToken(await sign({ sub: randomUUID(), role: 'user' }, '-1s'), keys),
      ),
    ).toBe(COMMON_ERRORS.UNAUTHORIZED);
    expect(await domainErrorCode(verifyAccessToken(`${header}.${forged}.${signature}`, keys))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
    expect(
      await domainErrorCode(
        verifyAccessToken(`${header}.${payload}.${signature.slice(0, -4)}AAAA`, keys),
      ),
    ).toBe(COMMON_ERRORS.UNAUTHORIZED);
    expect(
      await domainErrorCode(
        verifyAccessToken(await other.sign({ sub: randomUUID(), role: 'user' }), keys),
      ),
    ).toBe(COMMON_ERRORS.UNAUTHORIZED);
    expect(await domainErrorCode(verifyAccessToken('not-a-jwt', keys))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
  });

  it('rejects tokens without a user id or with an unknown role', async () => {
    const { keys, sign } = await keySet();
    expect(await domainErrorCode(verifyAccessToken(await sign({ role: 'user' }), keys))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
    expect(
      await domainErrorCode(
        verifyAccessToken(await sign({ sub: randomUUID(), role: 'root' }), keys),
      ),
    ).toBe(COMMON_ERRORS.UNAUTHORIZED);
  });
});
