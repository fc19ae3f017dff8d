import { shouldTouchLastActive } from './activity';
import { lockoutRetryAfter } from './login-lockout';

describe(lockoutRetryAfter.name, () => {
  it('locks once the failures reach the maximum, until the window ends', () => {
    expect(lockoutRetryAfter(9, 10, 60_000)).toBeNull();
    expect(lockoutRetryAfter(10, 10, 60_000)).toBe(60);
    expect(lockoutRetryAfter(12, 10, 1_200)).toBe(2);
    expect(lockoutRetryAfter(10, 10, 1)).toBe(1);
    expect(lockoutRetryAfter(10, 10, -2)).toBeNull();
  });
});

describe(shouldTouchLastActive.name, () => {
  const now = new Date('2026-06-15T12:00:00Z');
  it('moves lastActiveAt at most once an hour', () => {
    expect(shouldTouchLastActive(null, now)).toBe(true);
    expect(shouldTouchLastActive(new Date('2026-06-15T11:30:00Z'), now)).toBe(false);
    expect(shouldTouchLastActive(new Date('2026-06-15T11:00:00Z'), now)).toBe(true);
  });
});
