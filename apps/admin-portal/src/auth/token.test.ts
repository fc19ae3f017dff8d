import { describe, expect, it } from 'vitest';
import { jwt } from '../test/tokens';
import { isStaff, readClaims, refreshDelayMs } from './token';

describe('readClaims', () => {
  it('reads base64url payloads with unicode names', () => {
    // Characters chosen so the encoding holds both `-` and `_`.
    const claims = {
      sub: 'a1b2',
      role: 'moderator',
      exp: 2_000_000_000,
      iat: 1_999_999_100,
      name: 'Zoë Øster-Łukasz ✓ ~~~???>>>',
    };
    const token = jwt(claims);
    expect(token.split('.')[1]).toMatch(/-/);
    expect(token.split('.')[1]).toMatch(/_/);
    expect(readClaims(token)).toEqual(claims);
  });

  it('refuses something that is not a JWT or lacks a claim', () => {
    expect(() => readClaims('opaque')).toThrow('not a JWT');
    expect(() => readClaims(jwt({ sub: 'a', exp: 1 }))).toThrow('lacks sub, exp or role');
    expect(() => readClaims(jwt({ sub: 'a', role: 'admin', exp: '1' }))).toThrow();
  });
});

describe('isStaff', () => {
  it('is moderators and admins', () => {
    expect([isStaff('user'), isStaff('moderator'), isStaff('admin')]).toEqual([false, true, true]);
  });
});

describe('refreshDelayMs', () => {
  const now = 1_000_000_000_000;
  const sec = (ms: number) => ms / 1000;

  it('refreshes a minute before expiry for a 15-minute token', () => {
    const claims = { sub: 's', role: 'admin' as const, iat: sec(now), exp: sec(now) + 900 };
    expect(refreshDelayMs(claims, now)).toBe(840_000);
  });

  it('refreshes at 80 % of the lifetime for short-lived tokens', () => {
    const claims = { sub: 's', role: 'admin' as const, iat: sec(now), exp: sec(now) + 100 };
    expect(refreshDelayMs(claims, now)).toBe(80_000);
  });

  it('assumes 15 minutes without iat and never answers a time in the past', () => {
    expect(refreshDelayMs({ sub: 's', role: 'admin', exp: sec(now) + 300 }, now)).toBe(240_000);
    expect(refreshDelayMs({ sub: 's', role: 'admin', exp: sec(now) - 10 }, now)).toBe(0);
  });
});
