import { createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { COMMON_ERRORS, DEFAULT_ACCESS_TOKEN_ISSUER } from '@rendezvous/contracts';
import { verifyAccessToken } from '@rendezvous/platform';
import { signAccessToken } from './access-tokens';
import {
  generatePrivateKeyPem,
  jwksOf,
  publicJwksFromPems,
  signingKeyFromPem,
  splitPems,
} from './key-material';
import { DEV_KEY_FILE, readOrCreateDevKey } from './signing-keys';
import { domainErrorCode } from '@rendezvous/testing';

const issuer = DEFAULT_ACCESS_TOKEN_ISSUER;

const spkiOf = (pkcs8: string) =>
  createPublicKey(createPrivateKey(pkcs8)).export({ type: 'spki', format: 'pem' }).toString();

describe('signing keys and JWKS', () => {
  it('uses the RFC 7638 thumbprint as kid and publishes only public members', async () => {
    const key = await signingKeyFromPem(generatePrivateKeyPem());
    const { kty, crv, x, y } = key.publicJwk;
    expect(key.publicJwk.kid).toBe(await calculateJwkThumbprint({ kty, crv, x, y }));
    expect(Object.keys(key.publicJwk).sort()).toEqual([
      'alg',
      'crv',
      'kid',
      'kty',
      'use',
      'x',
      'y',
    ]);
    expect(key.publicJwk).toMatchObject({ alg: 'ES256', use: 'sig' });
  });

  it('reads several concatenated SPKI PEMs, also with escaped newlines', async () => {
    const a = spkiOf(generatePrivateKeyPem());
    const b = spkiOf(generatePrivateKeyPem());
    expect(splitPems(`${a}\n${b}`)).toHaveLength(2);
    expect(await publicJwksFromPems(`${a}${b}`.replace(/\n/g, '\\n'))).toHaveLength(2);
    expect(await publicJwksFromPems('')).toEqual([]);
  });

  it('verifies a token signed by a previous key while that key is listed, and not after', async () => {
    const previousPem = generatePrivateKeyPem();
    const previous = await signingKeyFromPem(previousPem);
    const current = await signingKeyFromPem(generatePrivateKeyPem());
    const userId = randomUUID();
    const oldToken = await signAccessToken(previous, { userId, role: 'user', issuer }, 900);
    const newToken = await signAccessToken(current, { userId, role: 'admin', issuer }, 900);
    expect(decodeProtectedHeader(oldToken)).toMatchObject({
      alg: 'ES256',
      kid: previous.publicJwk.kid,
    });

    const rotated = jwksOf(current.publicJwk, await publicJwksFromPems(spkiOf(previousPem)));
    expect(rotated.keys.map((k) => k.kid)).toEqual([current.publicJwk.kid, previous.publicJwk.kid]);
    const keys = createLocalJWKSet(rotated) as JWTVerifyGetKey;
    await expect(verifyAccessToken(oldToken, keys, issuer)).resolves.toEqual({
      id: userId,
      role: 'user',
      issuedAt: expect.any(Number) as unknown,
    });
    await expect(verifyAccessToken(newToken, keys, issuer)).resolves.toEqual({
      id: userId,
      role: 'admin',
      issuedAt: expect.any(Number) as unknown,
    });

    const retired = createLocalJWKSet(jwksOf(current.publicJwk, [])) as JWTVerifyGetKey;
    expect(await domainErrorCode(verifyAccessToken(oldToken, retired, issuer))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
  });

  it('generates the local key once; later reads get the same key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    try {
      const first = readOrCreateDevKey(join(dir, 'nested'));
      const second = readOrCreateDevKey(join(dir, 'nested'));
      expect(second).toBe(first);
      expect(readFileSync(join(dir, 'nested', DEV_KEY_FILE), 'utf8')).toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
