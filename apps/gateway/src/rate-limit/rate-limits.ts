import { Inject, Injectable } from '@nestjs/common';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import { REDIS } from '@rendezvous/platform';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { GatewayConfig } from '../config';
import { grantedFromLease, leaseSize, msLeftInWindow, windowOf } from './window-lease';

// The window's count outlives it a little, so a replica whose clock runs late still finds it.
const COUNT_KEPT_AFTER_WINDOW_MS = 5_000;

/** What this replica holds of one client's budget in the current window. */
interface Lease {
  left: number;
  exhausted: boolean;
  taking?: Promise<void>;
}

const rateLimited = (msLeft: number) => {
  const seconds = Math.max(1, Math.ceil(msLeft / 1000));
  return new DomainError(
    COMMON_ERRORS.RATE_LIMITED,
    `Too many requests; try again in ${seconds} s`,
    undefined,
    seconds,
  );
};

const unavailable = () =>
  new DomainError(COMMON_ERRORS.DEPENDENCY_UNAVAILABLE, 'Cannot check rate limits now');

/**
 * The gateway's limits, counted in Redis so every replica counts against one budget.
 *
 * The general limit takes a client's budget from the shared count a lease at a time
 * (`leaseSize`: 2 % of the limit) and spends it locally, so most requests need no Redis round
 * trip; leased requests count as used, so the replicas together never admit more than the
 * limit. The credential limit (signup, login, refresh per IP) counts every attempt in Redis.
 */
@Injectable()
export class RateLimits {
  private readonly credentials: RateLimiterRedis;
  private readonly limit: number;
  private readonly lease: number;
  private leases = new Map<string, Lease>();
  private leasesWindow = -1;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: GatewayConfig,
  ) {
    this.limit = config.RATE_LIMIT_PER_MINUTE;
    this.lease = leaseSize(this.limit);
    this.credentials = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'rate-limit:credentials',
      points: config.RATE_LIMIT_AUTH_PER_MINUTE,
      duration: 60,
    });
  }

  /** Counts one request of a client (`user:<id>` or `ip:<address>`) against the general limit. */
  async consume(client: string): Promise<void> {
    for (;;) {
      const now = Date.now();
      const lease = this.leaseOf(client, windowOf(now));
      if (lease.left > 0) {
        lease.left -= 1;
        return;
      }
      if (lease.exhausted) throw rateLimited(msLeftInWindow(now));
      lease.taking ??= this.take(client, windowOf(now), lease).finally(() => {
        lease.taking = undefined;
      });
      await lease.taking;
    }
  }

  /** Counts one signup, login or refresh attempt from an IP. */
  async consumeCredentialAttempt(ip: string): Promise<void> {
    try {
      await this.credentials.consume(`ip:${ip}`);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited(error.msBeforeNext);
      throw unavailable();
    }
  }

  private leaseOf(client: string, window: number): Lease {
    // A new window starts every lease afresh and lets the last window's go.
    if (window !== this.leasesWindow) {
      this.leases = new Map();
      this.leasesWindow = window;
    }
    let lease = this.leases.get(client);
    if (!lease) {
      lease = { left: 0, exhausted: false };
      this.leases.set(client, lease);
    }
    return lease;
  }

  private async take(client: string, window: number, lease: Lease): Promise<void> {
    // Replicas share a count only under the same limit: a lease is a share of that limit.
    const key = `rate-limit:general:${this.limit}:${window}:${client}`;
    let results: [Error | null, unknown][] | null;
    try {
      results = await this.redis
        .multi()
        .incrby(key, this.lease)
        .pexpire(key, msLeftInWindow(Date.now()) + COUNT_KEPT_AFTER_WINDOW_MS)
        .exec();
    } catch {
      throw unavailable();
    }
    const [counted] = results ?? [];
    if (!counted || counted[0] || typeof counted[1] !== 'number') throw unavailable();
    const granted = grantedFromLease(counted[1], this.lease, this.limit);
    lease.left += granted;
    if (granted < this.lease) lease.exhausted = true;
  }
}
