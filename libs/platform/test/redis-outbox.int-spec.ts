import type { Envelope } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import {
  collectMessages,
  silentLogger,
  testKafka,
  testRedis,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import type Redis from 'ioredis';
import { REDIS_OUTBOX_LUA, RedisOutboxRelay, ensureTopics, redisOutboxArgs } from '../src';
import { aTestTopicEvent } from './test-topic-event';

// A state change in Redis and its event, in one atomic script, as features write them.
const SET_AND_EMIT = `${REDIS_OUTBOX_LUA}
redis.call('HSET', KEYS[1], 'status', ARGV[1])
outbox_append(KEYS[2], ARGV[2], ARGV[3], ARGV[4], ARGV[5])
return 1`;

describe(RedisOutboxRelay.name, () => {
  const topic = uniqueName('it.redis-outbox');
  const stream = uniqueName('outbox:it');
  const kafka = testKafka();
  let redis: Redis;
  let collector: KafkaCollector;
  const relays: RedisOutboxRelay[] = [];

  const relay = () => {
    const r = new RedisOutboxRelay({ redis, stream, kafka, logger: silentLogger, blockMs: 200 });
    relays.push(r);
    return r;
  };

  async function change(key: string, status: string): Promise<Envelope> {
    const { envelope, args } = redisOutboxArgs(
      'matching',
      aTestTopicEvent(topic, { status }, { aggregateId: key }),
    );
    await redis.eval(SET_AND_EMIT, 2, key, stream, status, ...args);
    return envelope;
  }

  const received = (id: string) => collector.messages.filter((m) => (m.json as Envelope).id === id);

  beforeAll(async () => {
    redis = testRedis();
    await ensureTopics(kafka, [topic], { partitions: 3, replicationFactor: 1 });
    collector = await collectMessages(kafka, [topic], { testTopics: [topic] });
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await collector.stop();
    await redis.del(stream);
    await redis.quit();
  });

  it('publishes an event appended with its state change, then removes it from the stream', async () => {
    relay().start();
    const key = uniqueName('ticket');
    const event = await change(key, 'waiting');
    expect(await redis.hget(key, 'status')).toBe('waiting');
    await waitFor(() => received(event.id).length > 0, { message: 'the event on Kafka' });
    await waitFor(async () => (await redis.xlen(stream)) === 0, { message: 'the stream to empty' });
    expect(received(event.id)[0].message.key?.toString()).toBe(key);
    expect(received(event.id)[0].message.headers?.['content-type']?.toString()).toBe(
      'application/json',
    );
    expect(received(event.id)[0].json).toEqual(event);
    await redis.del(key);
  });

  it('keeps events appended while no relay runs and publishes them in order when one starts', async () => {
    const key = uniqueName('ticket');
    const first = await change(key, 'waiting');
    const second = await change(key, 'matched');
    expect(await redis.xlen(stream)).toBe(2);
    relay().start();
    await waitFor(() => received(second.id).length > 0, { message: 'both events' });
    const ids = collector.messages
      .map((m) => (m.json as Envelope).id)
      .filter((id) => [first.id, second.id].includes(id));
    expect(ids).toEqual([first.id, second.id]);
    await redis.del(key);
  });

  it('lets one relay lead per stream', async () => {
    const a = relay();
    const b = relay();
    a.start();
    b.start();
    const event = await change(uniqueName('ticket'), 'waiting');
    await waitFor(() => received(event.id).length > 0, { message: 'the event' });
    await waitFor(async () => (await redis.xlen(stream)) === 0, { message: 'the stream to empty' });
    expect(received(event.id)).toHaveLength(1);
  });
});
