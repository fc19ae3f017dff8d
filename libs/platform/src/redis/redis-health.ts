import type Redis from 'ioredis';
import type { HealthCheck } from '../health/health-check';

export class RedisHealthCheck implements HealthCheck {
  readonly name = 'redis';

  constructor(private readonly redis: Redis) {}

  async check(): Promise<void> {
    if (this.redis.status !== 'ready') throw new Error(`redis connection is ${this.redis.status}`);
    await this.redis.ping();
  }
}
