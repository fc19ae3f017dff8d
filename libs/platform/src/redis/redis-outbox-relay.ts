import { randomUUID } from 'node:crypto';
import type { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Kafka, Producer } from 'kafkajs';
import { createIdempotentProducer } from '../kafka/kafka-client';
import type { OutboxRow } from '../kafka/outbox-batch';
import { sendOutboxRows } from '../kafka/outbox-batch';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import { closeRedis } from './redis-client';
import { LeaderLoop } from '../kafka/leader-loop';

export interface RedisOutboxRelayOptions {
  redis: Redis;
  stream: string;
  kafka: Kafka;
  logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  metrics?: PlatformMetrics;
  lockTtlMs?: number;
  blockMs?: number;
  batchSize?: number;
}

type StreamEntry = [id: string, fields: string[]];
type XReadReply = [stream: string, entries: StreamEntry[]][] | null;

// Extends the lock only while we still own it.
const RENEW_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

function toRow(id: string, fields: string[]): OutboxRow {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i], fields[i + 1]);
  return {
    seq: id,
    topic: map.get('topic') ?? '',
    key: map.get('key') ?? '',
    value: map.get('envelope') ?? '',
    headers: JSON.parse(map.get('headers') ?? '{}') as Record<string, string>,
  };
}

/**
 * Moves events from a Redis Stream outbox to Kafka in stream order, deleting each entry only
 * after the broker has it. One relay per stream holds a lock key; others stand by.
 */
export class RedisOutboxRelay extends LeaderLoop {
  private readonly token = randomUUID();
  private readonly lockKey: string;
  private reader?: Redis;

  constructor(private readonly options: RedisOutboxRelayOptions) {
    super('redis outbox relay', 1_000, (...args) => options.logger.warn(...args));
    this.lockKey = `${options.stream}:relay-lock`;
  }

  /** Unblocks a pending XREAD at once. */
  protected override interrupt(): void {
    this.reader?.disconnect();
  }

  private get ttl(): number {
    return this.options.lockTtlMs ?? 3_000;
  }

  protected async lead(): Promise<void> {
    const { redis, stream } = this.options;
    const locked = await redis.set(this.lockKey, this.token, 'PX', this.ttl, 'NX');
    if (locked !== 'OK') return;
    const reader = redis.duplicate({ lazyConnect: true, maxRetriesPerRequest: 0 });
    this.reader = reader;
    const producer = createIdempotentProducer(this.options.kafka);
    let renewal: NodeJS.Timeout | undefined;
    let lockLost = false;
    try {
      await reader.connect();
      await producer.connect();
      // Renewed on a timer, not per batch, so a slow publish keeps the lock and a killed relay's
      // lock frees its stream within one short TTL.
      renewal = setInterval(() => {
        redis
          .eval(RENEW_LUA, 1, this.lockKey, this.token, String(this.ttl))
          .then((renewed) => renewed === 1 || (lockLost = true))
          .catch(() => undefined);
      }, this.ttl / 3);
      while (this.isRunning && !lockLost) {
        let reply: XReadReply;
        try {
          reply = (await reader.xread(
            'COUNT',
            this.options.batchSize ?? 500,
            'BLOCK',
            this.options.blockMs ?? 1_000,
            'STREAMS',
            stream,
            '0-0',
          )) as XReadReply;
        } catch (error) {
          // stop() cut the blocking read short; fall through to the final drain.
          if (this.isRunning) throw error;
          break;
        }
        await this.publish(producer, reply);
      }
      if (!lockLost) await this.drain(producer);
    } finally {
      clearInterval(renewal);
      this.reader = undefined;
      await producer.disconnect().catch(() => undefined);
      await closeRedis(reader);
      await redis.eval(RELEASE_LUA, 1, this.lockKey, this.token).catch(() => undefined);
    }
  }

  private async drain(producer: Producer): Promise<void> {
    for (;;) {
      const reply = (await this.options.redis.xread(
        'COUNT',
        this.options.batchSize ?? 500,
        'STREAMS',
        this.options.stream,
        '0-0',
      )) as XReadReply;
      if (!(await this.publish(producer, reply))) return;
    }
  }

  private async publish(producer: Producer, reply: XReadReply): Promise<number> {
    const entries = reply?.[0]?.[1] ?? [];
    if (entries.length === 0) return 0;
    const rows = entries.map(([id, fields]) => toRow(id, fields));
    await sendOutboxRows(producer, rows, 'redis', this.options.metrics);
    await this.options.redis.xdel(this.options.stream, ...rows.map((row) => row.seq));
    return rows.length;
  }
}
