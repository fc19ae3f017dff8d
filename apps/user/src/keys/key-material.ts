import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import type { Jwks, PublicJwk } from './jwks';

export const ACCESS_TOKEN_ALG = 'ES256';

export interface SigningKey {
  privateKey: KeyObject;
  publicJwk: PublicJwk;
}

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;

/** PEMs from env values, which may hold several blocks and escaped newlines. */
export function splitPems(text: string): string[] {
  return [...text.replace(/\\n/g, '\n').matchAll(PEM_BLOCK)].map((m) => m[0]);
}

export async function publicJwkOf(key: KeyObject): Promise<PublicJwk> {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) {
    throw new Error('access token keys must be EC P-256 (ES256)');
  }
  const core = { kty: 'EC' as const, crv: 'P-256' as const, x: jwk.x, y: jwk.y };
  return { ...core, kid: await calculateJwkThumbprint(core), alg: ACCESS_TOKEN_ALG, use: 'sig' };
}

export async function signingKeyFromPem(pkcs8Pem: string): Promise<SigningKey> {
  const [pem] = splitPems(pkcs8Pem);
  if (!pem) throw new Error('not a PEM private key');
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicJwk: await publicJwkOf(privateKey) };
}

export function publicJwksFromPems(text: string): Promise<PublicJwk[]> {
  return Promise.all(splitPems(text).map((pem) => publicJwkOf(createPublicKey(pem))));
}

/** The JWKS: the current key first, then retired keys still accepted, without duplicates. */
export function jwksOf(current: PublicJwk, previous: PublicJwk[]): Jwks {
  const keys = [current];
  for (const key of previous) if (!keys.some((k) => k.kid === key.kid)) keys.push(key);
  return { keys };
}

export function generatePrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
