import { randomUUID } from 'node:crypto';
import { waitFor } from '@rendezvous/testing';
import type { ApiClient } from './support/api-client';
import { signInAdmin, signUp } from './support/api-client';

interface Stats {
  usersTotal: number;
  swipesToday: number;
  matchesToday: number;
  mutualMatchRate: number;
  queueWaiting: number;
  activeProximitySessions: number;
  eventsScheduled: number;
  registrationsToday: number;
  bookingsConfirmedToday: number;
  bookingsFailedToday: number;
  reportsOpen: number;
}

interface Day {
  day: string;
  signups: number;
  swipes: number;
  likes: number;
  matches: number;
  registrations: number;
  bookingsConfirmed: number;
  bookingsFailed: number;
  reports: number;
}

describe('GET /admin/stats', () => {
  let admin: ApiClient;
  const read = async () => (await admin.get<Stats>('/admin/stats')).body;
  const until = (check: (stats: Stats) => boolean, message: string) =>
    waitFor(
      async () => {
        const stats = await read();
        return check(stats) && stats;
      },
      { message },
    );

  // Earlier tests' events may still be arriving: wait until two reads a second apart agree.
  const settled = async () => {
    let previous = JSON.stringify(await read());
    return waitFor(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const stats = await read();
        const same = JSON.stringify(stats) === previous;
        previous = JSON.stringify(stats);
        return same && stats;
      },
      { timeoutMs: 30_000, intervalMs: 0, message: 'the counters to settle' },
    );
  };

  beforeAll(async () => {
    admin = await signInAdmin();
  });

  it('is for moderators and admins only', async () => {
    const ada = await signUp('Ada');
    const refused = await ada.client.get('/admin/stats');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('COMMON.FORBIDDEN');
    expect((await ada.client.request('GET', '/admin/stats', { token: null })).status).toBe(401);
    const stats = await admin.get<Stats>('/admin/stats');
    expect(stats.status).toBe(200);
    expect(Object.keys(stats.body).sort()).toEqual(
      [
        'usersTotal',
        'swipesToday',
        'matchesToday',
        'mutualMatchRate',
        'queueWaiting',
        'activeProximitySessions',
        'eventsScheduled',
        'registrationsToday',
        'bookingsConfirmedToday',
        'bookingsFailedToday',
        'reportsOpen',
      ].sort(),
    );
  });

  it('counts people, swipes, matches and the waiting queue from the events', async () => {
    const before = await settled();
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    await until((s) => s.usersTotal === before.usersTotal + 2, 'usersTotal to count two sign-ups');

    // Swipes need matching to know both people first.
    await waitFor(
      async () =>
        (await ada.client.post('/matching/swipes', { targetUserId: bob.id, action: 'like' }))
          .status === 201,
      { message: 'matching to learn of Bob' },
    );
    await waitFor(
      async () =>
        (await bob.client.post('/matching/swipes', { targetUserId: ada.id, action: 'like' }))
          .status === 201,
      { message: 'matching to learn of Ada' },
    );
    const after = await until(
      (s) => s.swipesToday >= before.swipesToday + 2 && s.matchesToday >= before.matchesToday + 1,
      'two swipes and a match to be counted',
    );
    expect(after.mutualMatchRate).toBeGreaterThan(0);
    expect(after.mutualMatchRate).toBeLessThanOrEqual(1);

    const ticket = await ada.client.post<{ ticketId: string }>('/matching/queue', {
      topic: `stats ${randomUUID()}`,
      difficulty: 'easy',
    });
    // Other tests' tickets expire meanwhile, so only the direction is certain here; the exact
    // arithmetic is the store's integration test.
    await until((s) => s.queueWaiting >= 1, 'the waiting ticket');
    await ada.client.request('DELETE', `/matching/queue/${ticket.body.ticketId}`);

    const beforeDeletion = await settled();
    await bob.client.request('DELETE', '/users/me');
    await until(
      (s) => s.usersTotal === beforeDeletion.usersTotal - 1,
      'the deleted person to leave the total',
    );
  });

  it('gives per-day counters for the last days, oldest first, zeros included', async () => {
    const ada = await signUp('Ada');
    expect((await ada.client.get('/admin/stats/daily')).status).toBe(403);
    for (const days of ['0', '91', 'abc', '0x10']) {
      const refused = await admin.get<{ errors?: { path: string }[] }>(
        `/admin/stats/daily?days=${days}`,
      );
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.path).toBe('days');
    }

    const month = await admin.get<{ items: Day[] }>('/admin/stats/daily');
    expect(month.status).toBe(200);
    expect(month.body.items).toHaveLength(30);
    const today = new Date().toISOString().slice(0, 10);
    expect(month.body.items.at(-1)?.day).toBe(today);
    const days = month.body.items.map((item) => item.day);
    expect([...days].sort()).toEqual(days);

    const signupsToday = async () =>
      (await admin.get<{ items: Day[] }>('/admin/stats/daily?days=1')).body.items[0]?.signups ?? 0;
    await settled();
    const before = await signupsToday();
    await Promise.all([signUp('Cy'), signUp('Di')]);
    await waitFor(async () => (await signupsToday()) === before + 2, {
      message: 'signups today to count two sign-ups',
    });
  });
});
