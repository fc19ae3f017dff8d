import { randomUUID } from 'node:crypto';
import type { AnyEnvelope, EventData, StatsReportedData, Topic } from '@rendezvous/contracts';
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

  beforeEach(async () => {
    redis = testRedis();
    stats = new AdminStatsStore(redis, uniqueName('stats-test'));
    // No service has reported: every event counts.
    await stats.restore(new Map());
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

  it('follows the scheduled events, a cancellation split over envelopes counted once', async () => {
    for (const type of [TOPICS.EVENT_CREATED, TOPICS.EVENT_CREATED, TOPICS.EVENT_CANCELLED]) {
      await stats.count(event(type));
    }
    const cancelled = event(TOPICS.EVENT_CANCELLED);
    await stats.count(event(TOPICS.EVENT_CREATED));
    await stats.count(cancelled);
    await stats.count({ ...cancelled, id: randomUUID() });
    expect((await stats.read(now)).eventsScheduled).toBe(1);
  });

  it('keeps the waiting queue as the set of waiting tickets', async () => {
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
    const [a, b, c, unknown] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const move = async <T extends Topic>(type: T, data: Partial<EventData<T>>, seconds: number) =>
      stats.moveTickets({ ...event(type, data), occurredAt: at(seconds) } as AnyEnvelope);
    await move(TOPICS.QUEUE_TICKET_CREATED, { ticketId: a }, 1);
    await move(TOPICS.QUEUE_TICKET_CREATED, { ticketId: b }, 1);
    await move(TOPICS.QUEUE_TICKET_CREATED, { ticketId: a }, 1);
    // Out of order across topics: the pair came before c's creation was seen.
    await move(TOPICS.QUEUE_MATCH_FOUND, { ticketIds: [b, c] }, 3);
    await move(TOPICS.QUEUE_TICKET_CREATED, { ticketId: c }, 2);
    expect((await stats.read(now)).queueWaiting).toBe(1);
    await move(TOPICS.QUEUE_MATCH_CANCELLED, { requeuedTicketIds: [b] }, 4);
    expect((await stats.read(now)).queueWaiting).toBe(2);
    // Tickets it never saw waiting (lost with Redis) take nothing away.
    await move(TOPICS.QUEUE_TICKET_LOST, { ticketId: unknown }, 5);
    await move(TOPICS.QUEUE_TICKET_CANCELLED, { ticketId: randomUUID() }, 5);
    expect((await stats.read(now)).queueWaiting).toBe(2);
    await move(TOPICS.QUEUE_EXPIRED, { ticketId: a }, 6);
    await move(TOPICS.QUEUE_TICKET_CANCELLED, { ticketId: b }, 6);
    expect((await stats.read(now)).queueWaiting).toBe(0);
  });

  it('counts live proximity sessions once per person until they expire, end or the person goes', async () => {
    const [ada, bob, cy, di] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [first, replacing, bobs] = [randomUUID(), randomUUID(), randomUUID()];
    const inSeconds = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
    await stats.sessionStarted(ada, inSeconds(60), first);
    await stats.sessionStarted(ada, inSeconds(90), replacing);
    // A late copy of the replaced session's start changes nothing.
    await stats.sessionStarted(ada, inSeconds(60), first);
    await stats.sessionStarted(bob, inSeconds(60), bobs);
    await stats.sessionStarted(cy, inSeconds(-1), randomUUID());
    await stats.sessionStarted(di, inSeconds(60), randomUUID());
    expect((await stats.read(now)).activeProximitySessions).toBe(3);
    // The replaced session's end, and the end of one never seen (lost with Redis), take nothing.
    await stats.sessionEnded(ada, first);
    await stats.sessionEnded(randomUUID(), randomUUID());
    expect((await stats.read(now)).activeProximitySessions).toBe(3);
    await stats.sessionEnded(ada, replacing);
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

  describe('restored from reports', () => {
    const asOf = new Date(now.getTime() - 60_000);
    const report = (data: Partial<StatsReportedData>): StatsReportedData => ({
      service: 'user',
      asOf: asOf.toISOString(),
      totals: {},
      days: [],
      ...data,
    });
    const reports = new Map([
      [
        'user' as const,
        report({
          totals: { usersTotal: 40, reportsOpen: 3 },
          days: [{ day: now.toISOString().slice(0, 10), signups: 5, reports: 2 }],
        }),
      ],
      [
        'matching' as const,
        report({
          service: 'matching',
          days: [{ day: now.toISOString().slice(0, 10), swipes: 4, likes: 2, matches: 1 }],
        }),
      ],
    ]);

    beforeEach(async () => {
      stats = new AdminStatsStore(redis, uniqueName('stats-test'));
    });

    it('counts nothing while lost, and leaves no inbox mark behind', async () => {
      const created = event(TOPICS.USER_CREATED);
      expect(await stats.count(created)).toBe('lost');
      await stats.restore(reports);
      expect(await stats.count({ ...created, occurredAt: now.toISOString() })).toBe('counted');
      expect((await stats.read(now)).usersTotal).toBe(41);
    });

    it("starts from the reports and counts only what happened after each service's asOf", async () => {
      expect(await stats.restore(reports)).toBe(true);
      expect(await stats.read(now)).toMatchObject({
        usersTotal: 40,
        reportsOpen: 3,
        swipesToday: 4,
        matchesToday: 1,
        mutualMatchRate: 0.5,
        eventsScheduled: 0,
      });
      const before = { ...event(TOPICS.USER_CREATED), occurredAt: asOf.toISOString() };
      const after = { ...event(TOPICS.USER_CREATED), occurredAt: now.toISOString() };
      expect(await stats.count(before)).toBe('skipped');
      expect(await stats.count(after)).toBe('counted');
      expect(await stats.count(after)).toBe('skipped');
      // The event service never reported: all of its events count.
      const scheduled = { ...event(TOPICS.EVENT_CREATED), occurredAt: asOf.toISOString() };
      expect(await stats.count(scheduled)).toBe('counted');
      expect(await stats.read(now)).toMatchObject({ usersTotal: 41, eventsScheduled: 1 });
      expect((await stats.readDaily(1, now))[0]).toMatchObject({ signups: 6, reports: 2 });
    });

    it('restores once per loss: a second rebuild (another replica) changes nothing', async () => {
      expect(await stats.restore(reports)).toBe(true);
      expect(await stats.restore(reports)).toBe(false);
      expect((await stats.read(now)).usersTotal).toBe(40);
      expect(await stats.heldFloors()).toEqual({
        user: asOf.getTime(),
        matching: asOf.getTime(),
        event: -1,
        'booking-agent': -1,
      });
    });

    it('keeps the newest report of each service', async () => {
      const older = report({ asOf: new Date(asOf.getTime() - 1).toISOString() });
      await stats.keepReport(aPartialEnvelope(TOPICS.STATS_REPORTED, report({})));
      await stats.keepReport(aPartialEnvelope(TOPICS.STATS_REPORTED, older));
      expect(await stats.heldReports()).toEqual([report({})]);
    });
  });
});
