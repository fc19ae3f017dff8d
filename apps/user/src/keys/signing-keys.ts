import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '@rendezvous/platform';
import type { UserConfig } from '../config';
import type { Jwks, PublicJwk } from './jwks';
import type { SigningKey } from './key-material';
import {
  generatePrivateKeyPem,
  jwksOf,
  publicJwksFromPems,
  signingKeyFromPem,
} from './key-material';

export const DEV_KEY_FILE = 'jwt-private.pem';

/**
 * Reads the local development key, generating it first if missing. `wx` makes creation
 * exclusive, so replicas starting together all end up with the one key that won.
 */
export function readOrCreateDevKey(dir: string): string {
  const path = join(resolve(dir), DEV_KEY_FILE);
  mkdirSync(resolve(dir), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, generatePrivateKeyPem(), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  for (let attempt = 0; ; attempt++) {
    const pem = readFileSync(path, 'utf8');
    // A racing writer may not have finished its write yet.
    if (pem.includes('-----END') || attempt > 50) return pem;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}

/** The key that signs access tokens and the public keys verifiers may use. */
export class SigningKeys {
  private constructor(
    readonly current: SigningKey,
    readonly previous: PublicJwk[],
  ) {}

  static async load(config: UserConfig): Promise<SigningKeys> {
    let pem = config.JWT_PRIVATE_KEY;
    if (!pem) {
      if (config.NODE_ENV === 'production') {
        throw new ConfigError(['JWT_PRIVATE_KEY: must be set in production (PKCS8 PEM, ES256)']);
      }
      pem = readOrCreateDevKey(config.JWT_KEY_DIR);
    }
    let current: SigningKey;
    let previous: PublicJwk[];
    try {
      current = await signingKeyFromPem(pem);
    } catch {
      throw new ConfigError(['JWT_PRIVATE_KEY: must be an EC P-256 private key in PKCS8 PEM']);
    }
    try {
      previous = await publicJwksFromPems(config.JWT_PREVIOUS_PUBLIC_KEYS);
    } catch {
      throw new ConfigError(['JWT_PREVIOUS_PUBLIC_KEYS: must be EC P-256 public keys in SPKI PEM']);
    }
    return new SigningKeys(current, previous);
  }

  jwks(): Jwks {
    return jwksOf(this.current.publicJwk, this.previous);
  }
}
