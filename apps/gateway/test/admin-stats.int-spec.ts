import { randomUUID } from 'node:crypto';
import type { EventData, Topic } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { aPartialEnvelope, testRedis, uniqueName } from '@rendezvous/testing';
import type Redis from 'ioredis';
import { AdminStatsStore } from '../src/admin/admin-stats';

describe(AdminStatsStore.name, () => {
  let redis: Redis;
  let stats: AdminStatsStore;
  const now = new Date();
  const event = <T extends Topic>(type: T, data: Partial<EventData<T>> = {}) =>
    aPartialEnvelope(type, data);

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

  it('keeps per-day counters, one item per day oldest first, zeros on quiet days', async () => {
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const on = <T extends Topic>(type: T, at: string, data: Partial<EventData<T>> = {}) => ({
      ...event(type, data),
      occurredAt: at,
    });
    const signup = on(TOPICS.USER_CREATED, daysAgo(2));
    await stats.count(signup);
    await stats.count(signup);
    await stats.count(on(TOPICS.SWIPE_PERFORMED, daysAgo(2), { action: 'like' }));
    await stats.count(on(TOPICS.SWIPE_PERFORMED, daysAgo(0), { action: 'pass' }));
    await stats.count(on(TOPICS.MATCH_CREATED, daysAgo(0)));
    await stats.count(on(TOPICS.BOOKING_FAILED, daysAgo(5)));

    const items = await stats.readDaily(4, now);
    expect(items.map((item) => item.day)).toEqual(
      [3, 2, 1, 0].map((days) => daysAgo(days).slice(0, 10)),
    );
    const zeros = {
      signups: 0,
      swipes: 0,
      likes: 0,
      matches: 0,
      registrations: 0,
      bookingsConfirmed: 0,
      bookingsFailed: 0,
      reports: 0,
    };
    expect(items).toEqual([
      { day: daysAgo(3).slice(0, 10), ...zeros },
      { day: daysAgo(2).slice(0, 10), ...zeros, signups: 1, swipes: 1, likes: 1 },
      { day: daysAgo(1).slice(0, 10), ...zeros },
      { day: daysAgo(0).slice(0, 10), ...zeros, swipes: 1, matches: 1 },
    ]);
    expect((await stats.readDaily(6, now))[0]).toMatchObject({ bookingsFailed: 1 });
    expect((await stats.read(now)).reportsOpen).toBe(0);
  });
});
