import { randomUUID } from 'node:crypto';
import type { AnyEnvelope, Envelope } from '@rendezvous/contracts';
import { silentLogger, testKafka, testRedis, uniqueName, waitFor } from '@rendezvous/testing';
import type Redis from 'ioredis';
import type { Producer } from 'kafkajs';
import {
  KafkaConsumerTransport,
  REDIS_INBOX_LUA,
  REDIS_INBOX_TTL_SECONDS,
  ensureTopics,
  redisInboxKey,
  replayMessages,
  replayTopics,
} from '../src';

const kafka = testKafka();
const HOUR_MS = 3_600_000;

function anEnvelope(topic: string): Envelope {
  return {
    id: randomUUID(),
    type: topic,
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    source: 'user',
    aggregateId: randomUUID(),
    aggregateVersion: 1,
    correlationId: 'a'.repeat(32),
    data: {},
  };
}

// The effect once per event id, as the gateway's Redis consumers apply theirs.
const COUNT_ONCE = `${REDIS_INBOX_LUA}
if inbox_seen(KEYS[1]) then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
inbox_mark(KEYS[1], ARGV[2])
return 1`;

describe(replayTopics.name, () => {
  let producer: Producer;
  let redis: Redis;

  const newTopics = async (count: number, partitions = 3) => {
    const topics = Array.from({ length: count }, () => uniqueName('it.replay'));
    await ensureTopics(kafka, topics, { partitions, replicationFactor: 1 });
    return topics;
  };
  const send = (topic: string, events: Envelope[], timestamp?: number) =>
    producer.send({
      topic,
      messages: events.map((event) => ({
        key: event.aggregateId,
        value: JSON.stringify(event),
        ...(timestamp === undefined ? {} : { timestamp: String(timestamp) }),
      })),
    });
  const idsOf = (events: readonly { id: string }[]) => events.map((e) => e.id).sort();

  beforeAll(async () => {
    producer = kafka.producer();
    await producer.connect();
    redis = testRedis();
  });

  afterAll(async () => {
    await producer.disconnect();
    await redis.quit();
  });

  it('hands over every valid envelope of every topic once, skipping invalid messages', async () => {
    const [first, second] = await newTopics(2);
    const events = [...Array.from({ length: 12 }, () => anEnvelope(first))];
    const others = Array.from({ length: 5 }, () => anEnvelope(second));
    await send(first, events);
    await send(second, others);
    await producer.send({
      topic: first,
      messages: [
        { key: 'poison', value: '{"not": json' },
        { key: 'empty', value: null },
      ],
    });
    const warnings: unknown[] = [];

    const seen: AnyEnvelope[] = [];
    const summary = await replayTopics({
      kafka,
      topics: [first, second],
      logger: { warn: (line: unknown) => warnings.push(line) },
      handle: async (envelope) => {
        seen.push(envelope);
      },
    });

    expect(idsOf(seen)).toEqual(idsOf([...events, ...others]));
    expect(summary).toEqual({ handled: 17, skipped: 2 });
    expect(warnings).toHaveLength(2);
    expect(JSON.stringify(warnings)).not.toContain('"not": json');
    expect(warnings[0]).toMatchObject({ topic: first, offset: expect.any(String) });
  });

  it('hands over every message as it is with replayMessages, invalid ones included', async () => {
    const [topic] = await newTopics(1, 2);
    const events = [anEnvelope(topic), anEnvelope(topic)];
    await send(topic, events);
    await producer.send({ topic, messages: [{ key: 'poison', value: '{"not": json' }] });

    const values: string[] = [];
    const summary = await replayMessages({
      kafka,
      topics: [topic],
      handle: async ({ topic: from, message }) => {
        expect(from).toBe(topic);
        values.push(message.value?.toString() ?? '');
      },
    });

    expect(values.sort()).toEqual([...events.map((e) => JSON.stringify(e)), '{"not": json'].sort());
    expect(summary).toEqual({ handled: 3 });
  });

  it('stops at the end offsets it found when it started, whatever is written meanwhile', async () => {
    const [topic] = await newTopics(1, 2);
    const before = Array.from({ length: 6 }, () => anEnvelope(topic));
    await send(topic, before);
    const later = Array.from({ length: 4 }, () => anEnvelope(topic));

    const seen: AnyEnvelope[] = [];
    await replayTopics({
      kafka,
      topics: [topic],
      logger: silentLogger,
      handle: async (envelope) => {
        if (seen.length === 0) await send(topic, later);
        seen.push(envelope);
      },
    });

    expect(idsOf(seen)).toEqual(idsOf(before));
  });

  it('reads only the messages stamped at or after the start instant', async () => {
    const [topic] = await newTopics(1);
    const now = Date.now();
    const old = Array.from({ length: 5 }, () => anEnvelope(topic));
    const recent = Array.from({ length: 7 }, () => anEnvelope(topic));
    await send(topic, old, now - 2 * HOUR_MS);
    await send(topic, recent, now - HOUR_MS / 2);
    // Stamped earlier than messages before it in its partition (a producer's clock behind).
    const late = anEnvelope(topic);
    await send(topic, [{ ...late, aggregateId: recent[0].aggregateId }], now - 2 * HOUR_MS);

    const seen: AnyEnvelope[] = [];
    const summary = await replayTopics({
      kafka,
      topics: [topic],
      since: new Date(now - HOUR_MS),
      logger: silentLogger,
      handle: async (envelope) => {
        seen.push(envelope);
      },
    });

    expect(idsOf(seen)).toEqual(idsOf(recent));
    expect(summary.handled).toBe(7);
  });

  it('resolves at once when there is nothing to read', async () => {
    const [topic] = await newTopics(1);
    const [emptySince] = await newTopics(1);
    await send(emptySince, [anEnvelope(emptySince)], Date.now() - HOUR_MS);
    const handle = jest.fn();

    await expect(
      replayTopics({ kafka, topics: [topic], logger: silentLogger, handle }),
    ).resolves.toEqual({ handled: 0, skipped: 0 });
    await expect(
      replayTopics({
        kafka,
        topics: [emptySince],
        since: new Date(),
        logger: silentLogger,
        handle,
      }),
    ).resolves.toEqual({ handled: 0, skipped: 0 });
    expect(handle).not.toHaveBeenCalled();
  });

  it('rejects with the error of a failing handler', async () => {
    const [topic] = await newTopics(1);
    await send(topic, [anEnvelope(topic), anEnvelope(topic)]);

    await expect(
      replayTopics({
        kafka,
        topics: [topic],
        logger: silentLogger,
        handle: () => Promise.reject(new Error('Redis went away')),
      }),
    ).rejects.toThrow('Redis went away');
  });

  it('rejects when aborted', async () => {
    const [topic] = await newTopics(1);
    await send(topic, [anEnvelope(topic), anEnvelope(topic)]);
    const controller = new AbortController();
    const handle = jest.fn(async () => controller.abort(new Error('shutting down')));

    await expect(
      replayTopics({
        kafka,
        topics: [topic],
        logger: silentLogger,
        signal: controller.signal,
        handle,
      }),
    ).rejects.toThrow('shutting down');
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('applies each event once beside the live consumer when the handler is inbox-deduped', async () => {
    const [topic] = await newTopics(1);
    const counts = uniqueName('it:replay-counts');
    const scope = randomUUID();
    const applyOnce = (envelope: AnyEnvelope) =>
      redis.eval(
        COUNT_ONCE,
        2,
        redisInboxKey('gateway', `${scope}:${envelope.id}`),
        counts,
        envelope.id,
        REDIS_INBOX_TTL_SECONDS,
      );
    const events = Array.from({ length: 30 }, () => anEnvelope(topic));
    await send(topic, events.slice(0, 20));
    const live = new KafkaConsumerTransport({
      kafka,
      groupId: uniqueName('it-live'),
      logger: silentLogger,
      retries: 3,
      retryBaseMs: 20,
      retryMaxMs: 100,
      partitionsConsumedConcurrently: 3,
    });
    live.addHandler(topic, (envelope: AnyEnvelope) => applyOnce(envelope), true);
    await new Promise<void>((resolve, reject) =>
      live.listen((error?: unknown) => (error ? reject(error as Error) : resolve())),
    );
    try {
      const replaying = replayTopics({
        kafka,
        topics: [topic],
        logger: silentLogger,
        handle: async (envelope) => {
          await applyOnce(envelope);
        },
      });
      await send(topic, events.slice(20));
      await replaying;
      await waitFor(async () => (await redis.hlen(counts)) === events.length, {
        message: 'every event applied',
      });
      const applied = await redis.hgetall(counts);
      expect(Object.keys(applied).sort()).toEqual(idsOf(events));
      expect(new Set(Object.values(applied))).toEqual(new Set(['1']));
    } finally {
      await live.close();
      await redis.del(counts);
    }
  });
});
