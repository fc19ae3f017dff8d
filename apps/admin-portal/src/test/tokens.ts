import type { components } from '@rendezvous/api-client';
import type { Role } from '../auth/token';

/** base64url of the UTF-8 JSON of a value, without padding, as in a JWT. */
export function base64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** An unsigned token with these claims (the portal only reads them; the API verifies). */
export function jwt(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'ES256', typ: 'JWT' })}.${base64url(claims)}.sig`;
}

/** The API's answer to a login or refresh, with a token valid `lifetimeS` seconds from `nowMs`. */
export function authResult(
  nowMs: number,
  {
    role = 'admin',
    refreshToken = 'refresh-1',
    lifetimeS = 900,
  }: { role?: Role; refreshToken?: string; lifetimeS?: number } = {},
): components['schemas']['AuthResult'] {
  const iat = Math.floor(nowMs / 1000);
  return {
    accessToken: jwt({ sub: 'u1', role, iat, exp: iat + lifetimeS }),
    refreshToken,
    expiresIn: lifetimeS,
    user: { id: 'u1', email: 'ann@example.com', name: 'Ann', role },
  } as components['schemas']['AuthResult'];
}

/** sessionStorage as a plain map, one per test. */
export class MemoryStorage implements Storage {
  private readonly values = new Map<string, string>();
  get length() {
    return this.values.size;
  }
  clear() {
    this.values.clear();
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
  /** Everything stored, to assert what is (not) kept. */
  contents(): string {
    return JSON.stringify([...this.values]);
  }
}
