import { randomUUID } from 'node:crypto';
import type { AnyEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { publishableJson, redisStateMarkerKey } from '@rendezvous/platform';
import {
  aUserState,
  anEnvelope,
  testKafka,
  testRedis,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import type Redis from 'ioredis';
import type { Producer } from 'kafkajs';
import { AdminStatsStore } from '../src/admin/admin-stats';
import { AdminStatsConsumer } from '../src/admin/admin-stats.consumer';
import { AdminStatsRecovery } from '../src/admin/admin-stats-recovery';

const kafka = testKafka();

const signup = () => anEnvelope(TOPICS.USER_CREATED, aUserState());
const swipe = (action: 'like' | 'pass') =>
  anEnvelope(
    TOPICS.SWIPE_PERFORMED,
    {
      swipeId: randomUUID(),
      swiperId: randomUUID(),
      targetUserId: randomUUID(),
      action,
      matched: false,
    },
    { source: 'matching' },
  );

/**
 * The gateway's counters against the real topics: what the loss took is written back from the
 * services' reports and a replay, equal to what live counting had, however the live consumer
 * runs meanwhile. Each test's store has its own keys, so a "flush" here deletes only those.
 */
describe(AdminStatsRecovery.name, () => {
  let redis: Redis;
  let producer: Producer;
  let stats: AdminStatsStore;
  let recovery: AdminStatsRecovery;
  let consumer: AdminStatsConsumer;

  const publish = async (events: AnyEnvelope[]) => {
    for (const event of events) {
      await producer.send({
        topic: event.type,
        messages: [{ key: event.aggregateId, value: publishableJson(event) }],
      });
    }
  };
  // The live consumer: each event once as the transport hands it over.
  const consume = async (events: AnyEnvelope[]) => {
    for (const event of events) await consumer.count(event);
  };
  const figures = async () => ({
    stats: { ...(await stats.read()), queueWaiting: 0 },
    daily: await stats.readDaily(90),
  });
  const flush = async () => {
    const keys = [
      ...(await redis.keys(`${stats.prefix}:*`)),
      ...(await redis.keys(`inbox:gateway:${stats.prefix}:*`)),
      ...(await redis.keys(`${redisStateMarkerKey(`gateway-${stats.prefix}`)}*`)),
    ];
    if (keys.length > 0) await redis.del(...keys);
  };

  beforeAll(async () => {
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
  });

  beforeEach(async () => {
    redis = testRedis();
    stats = new AdminStatsStore(redis, uniqueName('stats-recovery'));
    recovery = new AdminStatsRecovery(redis, kafka, stats);
    consumer = new AdminStatsConsumer(stats, recovery);
    expect(await recovery.check()).toBe(true);
  });

  afterEach(async () => {
    await recovery.onApplicationShutdown();
    await flush();
    await redis.quit();
  });

  it('answers the same counters after Redis lost them as before', async () => {
    const events = [signup(), signup(), swipe('like'), swipe('pass'), swipe('like')];
    await publish(events);
    await consume(events);
    await consume(events.slice(0, 2));
    const before = await figures();
    expect(before.stats.swipesToday).toBeGreaterThanOrEqual(3);

    await flush();
    expect(await recovery.check()).toBe(true);

    expect(await figures()).toEqual(before);
  });

  it('counts each event once when the live consumer runs during the rebuild', async () => {
    const earlier = [signup(), swipe('like')];
    await publish(earlier);
    await consume(earlier);
    const before = await figures();

    await flush();
    const later = [signup(), signup(), swipe('like'), swipe('pass')];
    // The live consumer meets the lost counters and has the rebuild start at once, then keeps
    // consuming (redeliveries of what it had counted, and new events) while it runs.
    await consume(earlier);
    await publish(later.slice(0, 2));
    await consume(later.slice(0, 2));
    await publish(later.slice(2));
    await consume([...earlier, ...later.slice(2)]);
    await waitFor(
      () => {
        recovery.assertIntact();
        return true;
      },
      { message: 'the counters to be rebuilt' },
    );
    await consume([...earlier, ...later]);

    const after = await figures();
    const today = after.daily.at(-1);
    expect(after.stats).toEqual({
      ...before.stats,
      usersTotal: before.stats.usersTotal + 2,
      swipesToday: before.stats.swipesToday + 2,
      mutualMatchRate: after.stats.mutualMatchRate,
    });
    expect(today).toEqual({
      ...before.daily.at(-1),
      signups: (before.daily.at(-1)?.signups ?? 0) + 2,
      swipes: (before.daily.at(-1)?.swipes ?? 0) + 2,
      likes: (before.daily.at(-1)?.likes ?? 0) + 1,
    });
  });

  it('refuses reads while the counters are being rebuilt', async () => {
    await flush();
    await consume([signup()]);
    expect(() => recovery.assertIntact()).toThrow(
      expect.objectContaining({ name: 'RedisStateRebuildingError' }),
    );
    await waitFor(() => (recovery.assertIntact(), true), { message: 'the rebuild' });
  });
});
