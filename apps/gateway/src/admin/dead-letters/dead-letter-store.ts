import { Inject, Injectable, Optional } from '@nestjs/common';
import type { DeadLetterStatus } from '@rendezvous/contracts';
import { DEAD_LETTER_STATUSES } from '@rendezvous/contracts';
import type { Cursor, Page, RedisOutboxArgs } from '@rendezvous/platform';
import {
  REDIS,
  REDIS_OUTBOX_LUA,
  REDIS_STATE_LOST,
  REDIS_STATE_LUA,
  RedisStateRebuildingError,
  redisOutboxStream,
  redisStateMarkerKey,
  toPage,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import type { DeadLetterFilters, DeadLetterItem, DeadLetterRecord } from './dead-letter';
import { deadLetterExpiresAt } from './dead-letter-retention';

/** Where the index and the outbox live in Redis; tests use their own. */
export const DEAD_LETTERS_REDIS_KEYS = Symbol('DEAD_LETTERS_REDIS_KEYS');
export interface DeadLettersRedisKeys {
  prefix: string;
  stream: string;
}

// KEYS[1] the item; ARGV[1] its status unless an admin already decided (then theirs stays).
const APPLY_STATUS_LUA = `
local current = redis.call('HGET', KEYS[1], 'status')
if current == false or current == 'pending' then
  redis.call('HSET', KEYS[1], 'status', ARGV[1])
end
return 1
`;

// KEYS[1] the item, KEYS[2] the outbox stream, KEYS[3] the index's state marker; ARGV[1] the
// new status, then 4 args per event.
const DECIDE_LUA = `${REDIS_OUTBOX_LUA}${REDIS_STATE_LUA}
if not state_intact(KEYS[3]) then return '${REDIS_STATE_LOST}' end
if redis.call('HEXISTS', KEYS[1], 'topic') == 0 then return 'missing' end
local current = redis.call('HGET', KEYS[1], 'status')
if current ~= 'pending' then return current end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
for i = 2, #ARGV, 4 do
  outbox_append(KEYS[2], ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3])
end
return 'ok'
`;

const SCAN_BATCH = 200;
const PRUNE_BATCH = 500;

export type Decision =
  { outcome: 'ok' } | { outcome: 'missing' } | { outcome: 'decided'; status: DeadLetterStatus };

const isStatus = (value: string | undefined): value is DeadLetterStatus =>
  (DEAD_LETTER_STATUSES as readonly string[]).includes(value ?? '');

/**
 * The gateway's index of every DLQ (API.md, Operations): one hash per dead letter and sorted
 * sets by failure time and by when Kafka may drop the message. Nothing here is the only copy —
 * the DLQs and the compacted `dead_letter.status_changed` topic are read back into it after a
 * loss (DeadLetterIndexer), and until then reads and decisions refuse with the transient
 * `RedisStateRebuildingError` (`503`).
 */
@Injectable()
export class DeadLetterStore {
  /** The RedisStateGuard component of this index. */
  readonly stateComponent: string;
  private readonly byTime: string;
  private readonly byExpiry: string;
  private readonly marker: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Optional()
    @Inject(DEAD_LETTERS_REDIS_KEYS)
    private readonly keys: DeadLettersRedisKeys = {
      prefix: 'dead-letters',
      stream: redisOutboxStream('gateway'),
    },
  ) {
    this.stateComponent = `gateway-${keys.prefix}`;
    this.byTime = `${keys.prefix}:by-failed-at`;
    this.byExpiry = `${keys.prefix}:by-expiry`;
    this.marker = redisStateMarkerKey(this.stateComponent);
  }

  private itemKey(id: string): string {
    return `${this.keys.prefix}:item:${id}`;
  }

  /** Indexes a dead letter unless its message may already be gone. */
  async index(record: DeadLetterRecord, now = Date.now()): Promise<void> {
    const expiresAt = deadLetterExpiresAt(record);
    if (expiresAt <= now) return;
    const key = this.itemKey(record.id);
    const fields: Record<string, string> = {
      id: record.id,
      topic: record.topic,
      originalTopic: record.originalTopic,
      failedAt: record.failedAt,
      value: record.value,
      headers: JSON.stringify(record.headers),
    };
    for (const field of ['consumerGroup', 'error', 'key', 'eventId', 'eventType'] as const) {
      const value = record[field];
      if (value !== null) fields[field] = value;
    }
    await this.redis
      .multi()
      .hset(key, fields)
      .hsetnx(key, 'status', 'pending')
      .zadd(this.byTime, Date.parse(record.failedAt), record.id)
      .zadd(this.byExpiry, expiresAt, record.id)
      .exec();
  }

  /** Forgets the dead letters whose message Kafka may have dropped; how many it forgot. */
  async prune(now = Date.now()): Promise<number> {
    let forgotten = 0;
    for (;;) {
      const ids = await this.redis.zrangebyscore(
        this.byExpiry,
        '-inf',
        now,
        'LIMIT',
        0,
        PRUNE_BATCH,
      );
      if (ids.length === 0) return forgotten;
      const multi = this.redis.multi();
      for (const id of ids) multi.del(this.itemKey(id));
      await multi
        .zrem(this.byTime, ...ids)
        .zrem(this.byExpiry, ...ids)
        .exec();
      forgotten += ids.length;
    }
  }

  /** A replay or discard read back from Kafka. */
  async applyStatus(id: string, status: DeadLetterStatus): Promise<void> {
    await this.redis.eval(APPLY_STATUS_LUA, 1, this.itemKey(id), status);
  }

  /**
   * Sets the status of a pending dead letter and appends its events to the gateway's Redis
   * outbox in one script; a dead letter already decided keeps its status.
   */
  async decide(
    id: string,
    status: Exclude<DeadLetterStatus, 'pending'>,
    events: readonly RedisOutboxArgs['args'][],
  ): Promise<Decision> {
    const result = (await this.redis.eval(
      DECIDE_LUA,
      3,
      this.itemKey(id),
      this.keys.stream,
      this.marker,
      status,
      ...events.flat(),
    )) as string;
    if (result === REDIS_STATE_LOST) throw new RedisStateRebuildingError(this.stateComponent);
    if (result === 'ok' || result === 'missing') return { outcome: result };
    return { outcome: 'decided', status: isStatus(result) ? result : 'pending' };
  }

  /** The dead letter, `null` when unknown or its message may be gone. */
  async get(
    id: string,
    now = Date.now(),
  ): Promise<(DeadLetterRecord & { status: DeadLetterStatus }) | null> {
    const results =
      (await this.redis.multi().hgetall(this.itemKey(id)).exists(this.marker).exec()) ?? [];
    for (const [error] of results) if (error) throw error;
    if (results[1]?.[1] !== 1) throw new RedisStateRebuildingError(this.stateComponent);
    const record = toRecord((results[0]?.[1] ?? {}) as Record<string, string>);
    return record && deadLetterExpiresAt(record) > now ? record : null;
  }

  /** Newest first; `cursor` is the last item of the previous page (its failure time and id). */
  async list(
    filters: DeadLetterFilters,
    limit: number,
    cursor: Cursor | null,
    now = Date.now(),
  ): Promise<Page<DeadLetterItem>> {
    await this.assertIntact();
    const max = cursor ? String(Date.parse(cursor.key)) : '+inf';
    const found: DeadLetterItem[] = [];
    for (let offset = 0; found.length <= limit; offset += SCAN_BATCH) {
      const batch = await this.redis.zrevrangebyscore(
        this.byTime,
        max,
        '-inf',
        'WITHSCORES',
        'LIMIT',
        offset,
        SCAN_BATCH,
      );
      if (batch.length === 0) break;
      const ids: string[] = [];
      for (let i = 0; i < batch.length; i += 2) {
        // Equal times come in descending id order: skip up to and including the cursor's item.
        const sameTime = cursor && Number(batch[i + 1]) === Date.parse(cursor.key);
        if (!sameTime || batch[i] < cursor.id) ids.push(batch[i]);
      }
      const pipeline = this.redis.pipeline();
      for (const id of ids) pipeline.hgetall(this.itemKey(id));
      for (const [, hash] of (await pipeline.exec()) ?? []) {
        const record = toRecord(hash as Record<string, string>);
        const kept = record !== null && deadLetterExpiresAt(record) > now;
        if (kept && matches(record, filters)) found.push(toItem(record));
        if (found.length > limit) break;
      }
    }
    // Read again after: a loss while reading would have shown part of the index as all of it.
    await this.assertIntact();
    return toPage(
      found,
      limit,
      (item) => ({ key: item.failedAt, id: item.id }),
      (item) => item,
    );
  }

  private async assertIntact(): Promise<void> {
    if ((await this.redis.exists(this.marker)) !== 1) {
      throw new RedisStateRebuildingError(this.stateComponent);
    }
  }
}

function matches(item: DeadLetterItem, filters: DeadLetterFilters): boolean {
  return (
    (filters.topic === undefined ||
      item.topic === filters.topic ||
      item.originalTopic === filters.topic) &&
    (filters.consumerGroup === undefined || item.consumerGroup === filters.consumerGroup) &&
    (filters.status === undefined || item.status === filters.status)
  );
}

function toRecord(
  hash: Record<string, string>,
): (DeadLetterRecord & { status: DeadLetterStatus }) | null {
  // A status read back before its dead letter is only a status: not an item yet.
  if (!hash.topic) return null;
  return {
    id: hash.id,
    topic: hash.topic,
    originalTopic: hash.originalTopic,
    consumerGroup: hash.consumerGroup ?? null,
    error: hash.error ?? null,
    failedAt: hash.failedAt,
    key: hash.key ?? null,
    eventId: hash.eventId ?? null,
    eventType: hash.eventType ?? null,
    status: isStatus(hash.status) ? hash.status : 'pending',
    value: hash.value ?? '',
    headers: JSON.parse(hash.headers ?? '{}') as Record<string, string>,
  };
}

export function toItem(record: DeadLetterItem): DeadLetterItem {
  const { id, topic, originalTopic, consumerGroup, error, failedAt, key, eventId, eventType } =
    record;
  return {
    id,
    topic,
    originalTopic,
    consumerGroup,
    error,
    failedAt,
    key,
    eventId,
    eventType,
    status: record.status,
  };
}
