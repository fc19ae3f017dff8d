import type Redis from 'ioredis';
import type { OutboxBacklogRead } from '../metrics/outbox-metrics';

/**
 * The relay deletes each entry once Kafka has it, so what is left in the stream is the backlog.
 * Entry ids start with the Redis server's clock in milliseconds, so the age is measured against
 * that clock (`TIME`), not this process's.
 */
export function redisOutboxBacklog(redis: Redis, stream: string): OutboxBacklogRead {
  return async () => {
    const [entries, oldest, [seconds, micros]] = await Promise.all([
      redis.xlen(stream),
      redis.xrange(stream, '-', '+', 'COUNT', 1),
      redis.time(),
    ]);
    const oldestId = oldest[0]?.[0];
    if (oldestId === undefined) return { entries, oldestAgeSeconds: 0 };
    const nowMs = Number(seconds) * 1_000 + Number(micros) / 1_000;
    const appendedMs = Number(oldestId.split('-')[0]);
    return { entries, oldestAgeSeconds: Math.max(0, (nowMs - appendedMs) / 1_000) };
  };
}
