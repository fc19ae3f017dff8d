import { randomUUID } from 'node:crypto';
import type { RedisOutboxArgs } from '@rendezvous/platform';
import { RedisStateRebuildingError, decodeCursor, redisStateMarkerKey } from '@rendezvous/platform';
import { testRedis, uniqueName } from '@rendezvous/testing';
import type Redis from 'ioredis';
import type { DeadLetterRecord } from '../src/admin/dead-letters/dead-letter';
import { DeadLetterStore } from '../src/admin/dead-letters/dead-letter-store';

describe(DeadLetterStore.name, () => {
  let redis: Redis;
  let store: DeadLetterStore;
  let stream: string;
  let offset = 0;
  const hourAgo = Date.now() - 3_600_000;
  const DAY_MS = 24 * 3_600_000;

  const record = (overrides: Partial<DeadLetterRecord> = {}): DeadLetterRecord => ({
    id: randomUUID(),
    topic: 'user.blocked.dlq',
    originalTopic: 'user.blocked',
    consumerGroup: 'proximity',
    error: 'PoisonMessageError: invalid data',
    failedAt: new Date(hourAgo + offset++ * 1000).toISOString(),
    key: randomUUID(),
    eventId: randomUUID(),
    eventType: 'user.blocked',
    value: '{"id":"x"}',
    headers: { 'event-type': 'user.blocked' },
    ...overrides,
  });
  const event = (topic: string, key: string, value: string): RedisOutboxArgs['args'] => [
    topic,
    key,
    value,
    '{}',
  ];

  beforeEach(async () => {
    redis = testRedis();
    const prefix = uniqueName('dead-letters-test');
    stream = `${prefix}:outbox`;
    store = new DeadLetterStore(redis, { prefix, stream });
    // What the indexer's guard sets once everything was read.
    await redis.set(redisStateMarkerKey(store.stateComponent), new Date().toISOString());
  });

  afterEach(async () => {
    await redis.quit();
  });

  it('lists newest first in pages, with filters, and indexing again changes nothing', async () => {
    const items = [
      record(),
      record({ consumerGroup: 'matching' }),
      record({ topic: 'user.created.dlq', originalTopic: 'user.created' }),
      record(),
      record(),
    ];
    for (const item of [...items, items[0], items[3]]) await store.index(item);
    const newestFirst = [...items].reverse().map((item) => item.id);

    const first = await store.list({}, 2, null);
    expect(first.items.map((item) => item.id)).toEqual(newestFirst.slice(0, 2));
    const second = await store.list({}, 2, decodeCursor(first.nextCursor ?? '', 'instant'));
    expect(second.items.map((item) => item.id)).toEqual(newestFirst.slice(2, 4));
    const last = await store.list({}, 2, decodeCursor(second.nextCursor ?? '', 'instant'));
    expect(last).toEqual({
      items: [expect.objectContaining({ id: newestFirst[4] })],
      nextCursor: null,
    });

    const blocked = await store.list(
      { topic: 'user.blocked', consumerGroup: 'proximity' },
      10,
      null,
    );
    expect(blocked.items.map((item) => item.id)).toEqual(
      [items[4], items[3], items[0]].map((i) => i.id),
    );
    expect((await store.list({ topic: 'user.created.dlq' }, 10, null)).items).toHaveLength(1);
  });

  it('pages through dead letters that failed in the same millisecond', async () => {
    const failedAt = new Date(hourAgo + 3_600_000 / 2).toISOString();
    const items = [record({ failedAt }), record({ failedAt }), record({ failedAt })];
    for (const item of items) await store.index(item);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await store.list({}, 1, decodeCursor(cursor ?? undefined, 'instant'));
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(
      items
        .map((item) => item.id)
        .sort()
        .reverse(),
    );
  });

  it('decides a pending dead letter once, appending its events in the same step', async () => {
    const item = record();
    await store.index(item);
    const events = [event('a.topic', item.id, 'one'), event('b.topic', item.id, 'two')];
    expect(await store.decide(item.id, 'replayed', events)).toEqual({ outcome: 'ok' });
    expect(await store.decide(item.id, 'discarded', events)).toEqual({
      outcome: 'decided',
      status: 'replayed',
    });
    expect(await store.decide(randomUUID(), 'discarded', events)).toEqual({ outcome: 'missing' });
    const appended = await redis.xrange(stream, '-', '+');
    expect(appended.map(([, fields]) => fields[1])).toEqual(['a.topic', 'b.topic']);
    expect((await store.get(item.id))?.status).toBe('replayed');
    expect((await store.list({ status: 'pending' }, 10, null)).items).toEqual([]);
  });

  it('keeps a status read back from Kafka, before or after its dead letter is indexed again', async () => {
    const early = record();
    await store.applyStatus(early.id, 'discarded');
    expect(await store.get(early.id)).toBeNull();
    await store.index(early);
    expect((await store.get(early.id))?.status).toBe('discarded');

    const late = record();
    await store.index(late);
    await store.applyStatus(late.id, 'replayed');
    await store.index(late);
    expect((await store.get(late.id))?.status).toBe('replayed');
  });

  it('forgets a dead letter once Kafka may have dropped its message, and never shows it meanwhile', async () => {
    const now = Date.now();
    const expiring = record({ failedAt: new Date(now - 14 * DAY_MS + 60_000).toISOString() });
    const exportPart = record({
      topic: 'export.part.dlq',
      originalTopic: 'export.part',
      failedAt: new Date(now - DAY_MS + 60_000).toISOString(),
    });
    const kept = record();
    for (const item of [expiring, exportPart, kept]) await store.index(item, now);
    expect(await store.get(expiring.id, now)).not.toBeNull();

    const later = now + 120_000;
    expect(await store.get(expiring.id, later)).toBeNull();
    expect(await store.get(exportPart.id, later)).toBeNull();
    expect((await store.list({}, 10, null, later)).items.map((item) => item.id)).toEqual([kept.id]);

    expect(await store.prune(later)).toBe(2);
    expect(await redis.exists(`${stream.replace(/:outbox$/, '')}:item:${expiring.id}`)).toBe(0);
    expect(await store.get(expiring.id, now)).toBeNull();
    expect(await store.prune(later)).toBe(0);
    await store.index(expiring, later);
    expect(await store.get(expiring.id, now)).toBeNull();
  });

  it('refuses to read or decide while the index is being read back after a loss', async () => {
    const item = record();
    await store.index(item);
    await redis.del(redisStateMarkerKey(store.stateComponent));

    await expect(store.get(item.id)).rejects.toBeInstanceOf(RedisStateRebuildingError);
    await expect(store.list({}, 10, null)).rejects.toBeInstanceOf(RedisStateRebuildingError);
    await expect(store.decide(item.id, 'discarded', [])).rejects.toBeInstanceOf(
      RedisStateRebuildingError,
    );
    expect(await redis.hget(`${stream.replace(/:outbox$/, '')}:item:${item.id}`, 'status')).toBe(
      'pending',
    );
  });
});
