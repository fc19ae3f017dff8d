import type { Role } from '@rendezvous/contracts/values';

export type { Role };

export interface AccessClaims {
  sub: string;
  role: Role;
  exp: number;
  iat?: number;
}

/** Reads an access token's claims for display and timing only; the API verifies it. */
export function readClaims(token: string): AccessClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(
    Array.from(atob(base64), (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join(
      '',
    ),
  );
  const claims = JSON.parse(json) as Partial<AccessClaims>;
  if (
    typeof claims.sub !== 'string' ||
    typeof claims.exp !== 'number' ||
    typeof claims.role !== 'string'
  ) {
    throw new Error('token lacks sub, exp or role');
  }
  return claims as AccessClaims;
}

export const isStaff = (role: Role): boolean => role === 'moderator' || role === 'admin';

/**
 * When to refresh an access token: a minute before it expires, or at 80 % of its lifetime
 * for short-lived ones, never in the past.
 */
export function refreshDelayMs(claims: AccessClaims, nowMs: number): number {
  const expiresMs = claims.exp * 1000;
  const lifetimeMs = claims.iat ? expiresMs - claims.iat * 1000 : 15 * 60_000;
  const leadMs = Math.min(60_000, lifetimeMs * 0.2);
  return Math.max(0, expiresMs - leadMs - nowMs);
}
