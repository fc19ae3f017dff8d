import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AUTH_ERRORS, DomainError } from '@rendezvous/contracts';
import { REDIS } from '@rendezvous/platform';
import type Redis from 'ioredis';
import { UserConfig } from '../config';

// The window starts at the first failure and is not extended by later ones.
const RECORD_FAILURE = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count`;

/** Whether an email is locked out, from a failure count and the window's remaining time. */
export function lockoutRetryAfter(
  failures: number,
  maxFailures: number,
  ttlMs: number,
): number | null {
  if (failures < maxFailures || ttlMs <= 0) return null;
  return Math.max(1, Math.ceil(ttlMs / 1000));
}

/**
 * Failed logins per email, counted in Redis so every replica sees the same count. After
 * AUTH_MAX_FAILED_LOGINS failures within the window, every login for the email is refused.
 */
@Injectable()
export class LoginLockout {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: UserConfig,
  ) {}

  private key(email: string): string {
    // Hashed: Redis keys are not the place for personal data.
    return `user:login-failures:${createHash('sha256').update(email).digest('hex')}`;
  }

  async assertAllowed(email: string): Promise<void> {
    const key = this.key(email);
    const [[, count], [, ttl]] = (await this.redis.multi().get(key).pttl(key).exec()) as [
      [Error | null, string | null],
      [Error | null, number],
    ];
    const retryAfter = lockoutRetryAfter(
      Number(count ?? 0),
      this.config.AUTH_MAX_FAILED_LOGINS,
      ttl,
    );
    if (retryAfter !== null) {
      throw new DomainError(
        AUTH_ERRORS.TOO_MANY_FAILED_LOGINS,
        'Too many failed logins for this email; try again later',
        undefined,
        retryAfter,
      );
    }
  }

  async recordFailure(email: string): Promise<void> {
    await this.redis.eval(
      RECORD_FAILURE,
      1,
      this.key(email),
      String(this.config.AUTH_FAILED_LOGIN_WINDOW_SECONDS),
    );
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.key(email));
  }
}
