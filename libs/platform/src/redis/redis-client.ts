import type { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { RepeatFilter } from '../logging/repeat-filter';

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
  // ioredis reconnects every ≤ 2 s on its own: the same error (a refused password) once a minute.
  const repeats = new RepeatFilter();
  redis.on('ready', () => repeats.reset());
  redis.on('error', (error: Error) => {
    const heldBack = repeats.pass(error.message);
    if (heldBack === undefined) return;
    logger.warn({ err: error, heldBack }, `redis connection ${name}: ${error.message}`);
  });
  return redis;
}

/**
 * Resolves once the client is ready (connecting it if it has not started); rejects with the next
 * error its connection meets (a refused password, a certificate its CA did not sign), or after
 * `timeoutMs`. ioredis goes on reconnecting by itself either way.
 */
export function whenRedisReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => settle();
    const timer = setTimeout(
      () => settle(new Error(`redis not ready within ${timeoutMs} ms (${redis.status})`)),
      timeoutMs,
    );
    redis.once('ready', onReady);
    redis.once('error', settle);
    if (redis.status === 'wait' || redis.status === 'end') redis.connect().catch(() => undefined);
  });
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
