import { Inject, Injectable } from '@nestjs/common';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import { REDIS } from '@rendezvous/platform';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { GatewayConfig } from '../config';

/** Fixed one-minute windows kept in Redis, so every gateway replica counts against one budget. */
@Injectable()
export class RateLimits {
  private readonly general: RateLimiterRedis;
  private readonly credentials: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: GatewayConfig) {
    this.general = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'rate-limit:general',
      points: config.RATE_LIMIT_PER_MINUTE,
      duration: 60,
    });
    this.credentials = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'rate-limit:credentials',
      points: config.RATE_LIMIT_AUTH_PER_MINUTE,
      duration: 60,
    });
  }

  /** Counts one request of a client (`user:<id>` or `ip:<address>`) against the general limit. */
  consume(client: string): Promise<void> {
    return take(this.general, client);
  }

  /** Counts one signup, login or refresh attempt from an IP. */
  consumeCredentialAttempt(ip: string): Promise<void> {
    return take(this.credentials, `ip:${ip}`);
  }
}

async function take(limiter: RateLimiterRedis, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new DomainError(
        COMMON_ERRORS.RATE_LIMITED,
        `Too many requests; try again in ${seconds} s`,
        undefined,
        seconds,
      );
    }
    throw new DomainError(COMMON_ERRORS.DEPENDENCY_UNAVAILABLE, 'Cannot check rate limits now');
  }
}
