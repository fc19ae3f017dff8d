import { randomUUID } from 'node:crypto';
import type { JWTVerifyGetKey } from 'jose';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import { ISSUED_AT_TOLERANCE_SECONDS, TokenVerifier, verifyAccessToken } from './token-verifier';
import type { AuthUser } from './auth-user';
import type { RevocationCheck } from './token-verifier';
import { PlatformConfig } from '../config/platform.config';
import { domainErrorCode } from '@rendezvous/testing';

const ISSUER = 'rendezvous-test';

/** Which registered claims a test token gets; each defaults to what the user service sets. */
interface TokenShape {
  iss?: string | null;
  aud?: string | null;
  iat?: number | null;
  exp?: number | null;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function keySet() {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [jwk] }) as JWTVerifyGetKey;
  const sign = (claims: Record<string, unknown>, shape: TokenShape = {}) => {
    const { iss = ISSUER, aud = ACCESS_TOKEN_AUDIENCE, iat = nowSeconds() } = shape;
    const exp = shape.exp === undefined ? nowSeconds() + 900 : shape.exp;
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' });
    if (iss !== null) jwt.setIssuer(iss);
    if (aud !== null) jwt.setAudience(aud);
    if (iat !== null) jwt.setIssuedAt(iat);
    if (exp !== null) jwt.setExpirationTime(exp);
    return jwt.sign(privateKey);
  };
  return { keys, sign };
}

const verify = (token: string, keys: JWTVerifyGetKey) => verifyAccessToken(token, keys, ISSUER);

describe(verifyAccessToken.name, () => {
  it('returns the caller of a token with every required claim right', async () => {
    const { keys, sign } = await keySet();
    const id = randomUUID();
    await expect(verify(await sign({ sub: id, role: 'admin' }), keys)).resolves.toMatchObject({
      id,
      role: 'admin',
    });
    await expect(verify(await sign({ sub: id, role: 'moderator' }), keys)).resolves.toMatchObject({
      id,
      role: 'moderator',
    });
  });

  it('rejects a token without exp, which would never expire', async () => {
    const { keys, sign } = await keySet();
    const token = await sign({ sub: randomUUID(), role: 'user' }, { exp: null });
    expect(await domainErrorCode(verify(token, keys))).toBe(COMMON_ERRORS.UNAUTHORIZED);
  });

  it('rejects a token without iat', async () => {
    const { keys, sign } = await keySet();
    const token = await sign({ sub: randomUUID(), role: 'user' }, { iat: null });
    expect(await domainErrorCode(verify(token, keys))).toBe(COMMON_ERRORS.UNAUTHORIZED);
  });

  it('rejects a non-numeric exp or iat', async () => {
    const { keys, sign } = await keySet();
    const sub = randomUUID();
    const stringExp = await sign({ sub, role: 'user', exp: 'never' }, { exp: null });
    const stringIat = await sign({ sub, role: 'user', iat: 'now' }, { iat: null });
    expect(await domainErrorCode(verify(stringExp, keys))).toBe(COMMON_ERRORS.UNAUTHORIZED);
    expect(await domainErrorCode(verify(stringIat, keys))).toBe(COMMON_ERRORS.UNAUTHORIZED);
  });

  it('rejects a token issued in the future beyond the clock tolerance, and accepts one within', async () => {
    const { keys, sign } = await keySet();
    const sub = randomUUID();
    const tooEarly = await sign(
      { sub, role: 'user' },
      { iat: nowSeconds() + ISSUED_AT_TOLERANCE_SECONDS + 60 },
    );
    expect(await domainErrorCode(verify(tooEarly, keys))).toBe(COMMON_ERRORS.UNAUTHORIZED);
    // A signer whose clock runs a second or two ahead of ours is not refused.
    const skewed = await sign({ sub, role: 'user' }, { iat: nowSeconds() + 2 });
    await expect(verify(skewed, keys)).resolves.toMatchObject({ id: sub, role: 'user' });
  });

  it('rejects a token from another issuer or without one', async () => {
    const { keys, sign } = await keySet();
    const claims = { sub: randomUUID(), role: 'user' };
    expect(await domainErrorCode(verify(await sign(claims, { iss: 'elsewhere' }), keys))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
    expect(await domainErrorCode(verify(await sign(claims, { iss: null }), keys))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
  });

  it('rejects a token for another audience or without one', async () => {
    const { keys, sign } = await keySet();
    const claims = { sub: randomUUID(), role: 'user' };
    expect(await domainErrorCode(verify(await sign(claims, { aud: 'another-api' }), keys))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
    expect(await domainErrorCode(verify(await sign(claims, { aud: null }), keys))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
  });

  it('rejects expired, tampered and foreign tokens as unauthorized', async () => {
    const { keys, sign } = await keySet();
    const other = await keySet();
    const valid = await sign({ sub: randomUUID(), role: 'user' });
    const [header, payload, signature] = valid.split('.');
    const forged = Buffer.from(
      JSON.stringify({ sub: randomUUID(), role: 'admin', iss: ISSUER, aud: ACCESS_TOKEN_AUDIENCE }),
    ).toString('base64url');
    const expired = await sign(
      { sub: randomUUID(), role: 'user' },
      { iat: nowSeconds() - 901, exp: nowSeconds() - 1 },
    );
    const expiredError = await verify(expired, keys).catch((error: unknown) => error);
    expect(expiredError).toMatchObject({
      code: COMMON_ERRORS.UNAUTHORIZED,
      detail: 'The access token has expired',
    });
    expect(await domainErrorCode(verify(`${header}.${forged}.${signature}`, keys))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
    expect(
      await domainErrorCode(verify(`${header}.${payload}.${signature.slice(0, -4)}AAAA`, keys)),
    ).toBe(COMMON_ERRORS.UNAUTHORIZED);
    expect(
      await domainErrorCode(verify(await other.sign({ sub: randomUUID(), role: 'user' }), keys)),
    ).toBe(COMMON_ERRORS.UNAUTHORIZED);
    expect(await domainErrorCode(verify('not-a-jwt', keys))).toBe(COMMON_ERRORS.UNAUTHORIZED);
  });

  it('rejects tokens without a user id or with an unknown role', async () => {
    const { keys, sign } = await keySet();
    expect(await domainErrorCode(verify(await sign({ role: 'user' }), keys))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
    expect(
      await domainErrorCode(verify(await sign({ sub: randomUUID(), role: 'root' }), keys)),
    ).toBe(COMMON_ERRORS.UNAUTHORIZED);
  });
});

describe(TokenVerifier.name, () => {
  const config = Object.assign(new PlatformConfig(), { JWT_ISSUER: ISSUER });
  const caller: AuthUser = { id: randomUUID(), role: 'user' };

  function verifierWith(keys: JWTVerifyGetKey, revocation: RevocationCheck): TokenVerifier {
    const verifier = new TokenVerifier(config, revocation);
    // A local key set stands in for the one it would fetch from JWKS_URL.
    Object.assign(verifier, { keys });
    return verifier;
  }

  it('refuses a revoked caller and answers 503 while the revocation store is down', async () => {
    const { keys, sign } = await keySet();
    const token = await sign({ sub: caller.id, role: caller.role });
    const gone = new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'The access token has been revoked');
    const revoked = verifierWith(keys, { refusal: () => Promise.resolve(gone) });
    const down = verifierWith(keys, { refusal: () => Promise.reject(new Error('ECONNREFUSED')) });
    const living = verifierWith(keys, { refusal: () => Promise.resolve(null) });

    await expect(revoked.verify(token)).rejects.toMatchObject({
      code: COMMON_ERRORS.UNAUTHORIZED,
      detail: 'The access token has been revoked',
    });
    expect(await domainErrorCode(down.verify(token))).toBe(COMMON_ERRORS.DEPENDENCY_UNAVAILABLE);
    await expect(living.verify(token)).resolves.toMatchObject(caller);
  });

  it('requires the issuer of the JWT_ISSUER setting', async () => {
    const { keys, sign } = await keySet();
    const verifier = verifierWith(keys, { refusal: () => Promise.resolve(null) });
    const foreign = await sign({ sub: caller.id, role: caller.role }, { iss: 'rendezvous' });
    expect(await domainErrorCode(verifier.verify(foreign))).toBe(COMMON_ERRORS.UNAUTHORIZED);
  });

  it('checks a repeated token once, but asks for its revocation every time', async () => {
    const { keys, sign } = await keySet();
    let keyLookups = 0;
    const counted: JWTVerifyGetKey = (header, token) => {
      keyLookups += 1;
      return keys(header, token);
    };
    let refusals = 0;
    const verifier = verifierWith(counted, {
      refusal: () => {
        refusals += 1;
        return Promise.resolve(null);
      },
    });
    const token = await sign({ sub: caller.id, role: caller.role });
    for (let i = 0; i < 3; i += 1)
      await expect(verifier.verify(token)).resolves.toMatchObject(caller);
    expect(keyLookups).toBe(1);
    expect(refusals).toBe(3);
  });

  it('never answers from memory for a token past its exp', async () => {
    const { keys, sign } = await keySet();
    const verifier = verifierWith(keys, { refusal: () => Promise.resolve(null) });
    const exp = nowSeconds() + 60;
    const token = await sign({ sub: caller.id, role: caller.role }, { exp });
    await expect(verifier.verify(token)).resolves.toMatchObject(caller);
    // Only the clock moves on; the key set and the crypto stay real.
    jest.useFakeTimers({
      now: exp * 1000 + 1,
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'clearTimeout'],
    });
    try {
      expect(await domainErrorCode(verifier.verify(token))).toBe(COMMON_ERRORS.UNAUTHORIZED);
    } finally {
      jest.useRealTimers();
    }
  });

  it('remembers no refused token', async () => {
    const { keys, sign } = await keySet();
    const verifier = verifierWith(keys, { refusal: () => Promise.resolve(null) });
    const foreign = await sign({ sub: caller.id, role: caller.role }, { iss: 'rendezvous' });
    expect(await domainErrorCode(verifier.verify(foreign))).toBe(COMMON_ERRORS.UNAUTHORIZED);
    expect(await domainErrorCode(verifier.verify(foreign))).toBe(COMMON_ERRORS.UNAUTHORIZED);
  });
});
