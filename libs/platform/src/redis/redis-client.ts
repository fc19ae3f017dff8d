import type { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { RedisOptions } from 'ioredis';

/**
 * The one way to make a Redis connection: lazy, named, bounded retries per command; `security`
 * holds TLS and the ACL user (`redisSecurity`).
 */
export function createRedis(
  url: string,
  name: string,
  logger: Pick<Logger, 'warn'>,
  security: RedisOptions = {},
): Redis {
  const redis = new Redis(url, {
    ...security,
    lazyConnect: true,
    connectionName: name,
    enableReadyCheck: true,
    maxRetriesPerRequest: 3,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  redis.on('error', (error: Error) =>
    logger.warn({ err: error }, `redis connection ${name}: ${error.message}`),
  );
  return redis;
}

/** Closes gracefully, falling back to a hard disconnect when the server is gone. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
