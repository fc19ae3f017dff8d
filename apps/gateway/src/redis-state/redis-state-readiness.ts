import { Inject, Injectable } from '@nestjs/common';
import type { ReadinessDetail } from '@rendezvous/platform';
import { REDIS, redisStateMarkerKey } from '@rendezvous/platform';
import type Redis from 'ioredis';

/** Every RedisStateGuard component of the gateway (README, Redis loss). */
export const GATEWAY_REDIS_STATES = [
  'gateway-access',
  'gateway-notifications',
  'gateway-dead-letters',
  'gateway-stats',
] as const;

/**
 * Shows in `/health/ready` (as `redisState`) which of the gateway's Redis-held states are being
 * written back after Redis lost them. It informs and never gates: a flush strikes every replica
 * at once, and taking them all out of rotation would refuse even the requests that need none of
 * that state; those that do answer `503` with `Retry-After` meanwhile.
 */
@Injectable()
export class RedisStateReadiness implements ReadinessDetail {
  readonly key = 'redisState';

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async collect(): Promise<Record<string, string>> {
    const pipeline = this.redis.pipeline();
    for (const component of GATEWAY_REDIS_STATES) pipeline.exists(redisStateMarkerKey(component));
    const results = (await pipeline.exec()) ?? [];
    return Object.fromEntries(
      GATEWAY_REDIS_STATES.map((component, i) => {
        const [error, exists] = results[i] ?? [];
        if (error) throw error;
        return [component, exists === 1 ? 'intact' : 'rebuilding'];
      }),
    );
  }
}
