import { randomUUID } from 'node:crypto';
import { TOPICS } from '@rendezvous/contracts';
import { anEnvelope, testRedis, uniqueName } from '@rendezvous/testing';
import type Redis from 'ioredis';
import { AdminStatsStore } from '../src/admin/admin-stats';

describe(AdminStatsStore.name, () => {
  let redis: Redis;
  let stats: AdminStatsStore;
  const now = new Date();
  const event = (type: string, data: object = {}) => anEnvelope(type, data);

  beforeEach(() => {
    redis = testRedis();
    stats = new AdminStatsStore(redis, uniqueName('stats-test'));
  });

  afterEach(async () => {
    await redis.quit();
  });

  it('counts each event once, however often it is delivered', async () => {
    const created = event(TOPICS.USER_CREATED);
    await stats.count(created);
    await stats.count(created);
    await stats.count(event(TOPICS.USER_CREATED));
    await Promise.all([1, 2, 3].map(() => stats.count(created)));
    expect((await stats.read(now)).usersTotal).toBe(2);
    await stats.count(event(TOPICS.USER_DELETED, { userId: randomUUID() }));
    expect((await stats.read(now)).usersTotal).toBe(1);
  });

  it("keeps today's swipes, likes and matches, and the mutual match rate", async () => {
    await stats.count(event(TOPICS.SWIPE_PERFORMED, { action: 'like' }));
    await stats.count(event(TOPICS.SWIPE_PERFORMED, { action: 'super_like' }));
    await stats.count(event(TOPICS.SWIPE_PERFORMED, { action: 'pass' }));
    await stats.count(event(TOPICS.SWIPE_PERFORMED, { action: 'like' }));
    await stats.count(event(TOPICS.MATCH_CREATED));
    const yesterday = {
      ...event(TOPICS.MATCH_CREATED),
      occurredAt: new Date(now.getTime() - 86_400_000).toISOString(),
    };
    await stats.count(yesterday);
    expect(await stats.read(now)).toMatchObject({
      swipesToday: 4,
      matchesToday: 1,
      mutualMatchRate: 0.3333,
    });
  });

  it('follows the waiting queue and the scheduled events', async () => {
    for (const type of [
      TOPICS.QUEUE_TICKET_CREATED,
      TOPICS.QUEUE_TICKET_CREATED,
      TOPICS.QUEUE_TICKET_CREATED,
      TOPICS.QUEUE_MATCH_FOUND,
      TOPICS.QUEUE_TICKET_CANCELLED,
      TOPICS.EVENT_CREATED,
      TOPICS.EVENT_CREATED,
      TOPICS.EVENT_CANCELLED,
    ]) {
      await stats.count(event(type));
    }
    await stats.count(event(TOPICS.QUEUE_MATCH_CANCELLED, { requeuedTicketIds: [randomUUID()] }));
    // A cancellation split over two envelopes (recipients in chunks) counts once.
    const cancelled = event(TOPICS.EVENT_CANCELLED);
    await stats.count(event(TOPICS.EVENT_CREATED));
    await stats.count(cancelled);
    await stats.count({ ...cancelled, id: randomUUID() });
    expect(await stats.read(now)).toMatchObject({ queueWaiting: 1, eventsScheduled: 1 });
  });

  it('counts live proximity sessions once per person until they expire or the person goes', async () => {
    const [ada, bob, cy] = [randomUUID(), randomUUID(), randomUUID()];
    const later = new Date(now.getTime() + 60_000).toISOString();
    await stats.sessionStarted(ada, later);
    await stats.sessionStarted(ada, later);
    await stats.sessionStarted(bob, later);
    await stats.sessionStarted(cy, new Date(now.getTime() - 1).toISOString());
    expect((await stats.read(now)).activeProximitySessions).toBe(2);
    await stats.forget(bob);
    expect((await stats.read(now)).activeProximitySessions).toBe(1);
  });
});
