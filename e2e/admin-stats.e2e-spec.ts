import { randomUUID } from 'node:crypto';
import { waitFor } from '@rendezvous/testing';
import type { components } from '@rendezvous/api-client';
import type { ApiClient, Person } from './support/api-client';
import { signInAdmin, signUp } from './support/api-client';
import { expectData, expectProblem } from './support/typed-api';

type Stats = components['schemas']['AdminStats'];

describe('GET /admin/stats', () => {
  let admin: ApiClient;
  const read = async () => expectData(await admin.api.GET('/api/v1/admin/stats'), 200);
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
    const refused = await ada.api.GET('/api/v1/admin/stats');
    expect(expectProblem(refused, 403).code).toBe('COMMON.FORBIDDEN');
    expectProblem(await ada.client.withToken(undefined).GET('/api/v1/admin/stats'), 401);
    expect(Object.keys(await read()).sort()).toEqual(
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
    const likes = async (person: Person, other: Person) =>
      (
        await person.api.POST('/api/v1/matching/swipes', {
          body: { targetUserId: other.id, action: 'like' },
        })
      ).response.status === 201;
    await waitFor(() => likes(ada, bob), { message: 'matching to learn of Bob' });
    await waitFor(() => likes(bob, ada), { message: 'matching to learn of Ada' });
    const after = await until(
      (s) => s.swipesToday >= before.swipesToday + 2 && s.matchesToday >= before.matchesToday + 1,
      'two swipes and a match to be counted',
    );
    expect(after.mutualMatchRate).toBeGreaterThan(0);
    expect(after.mutualMatchRate).toBeLessThanOrEqual(1);

    const ticket = await ada.api.POST('/api/v1/matching/queue', {
      body: { topic: `stats ${randomUUID()}`, difficulty: 'easy' },
    });
    const { ticketId } = expectData(ticket, 201);
    // Other tests' tickets expire meanwhile, so only the direction is certain here; the exact
    // arithmetic is the store's integration test.
    await until((s) => s.queueWaiting >= 1, 'the waiting ticket');
    const left = await ada.api.DELETE('/api/v1/matching/queue/{ticketId}', {
      params: { path: { ticketId } },
    });
    expect(left.response.status).toBe(204);

    const beforeDeletion = await settled();
    expect((await bob.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
    await until(
      (s) => s.usersTotal === beforeDeletion.usersTotal - 1,
      'the deleted person to leave the total',
    );
  });

  it('gives per-day counters for the last days, oldest first, zeros included', async () => {
    const ada = await signUp('Ada');
    expectProblem(await ada.api.GET('/api/v1/admin/stats/daily'), 403);
    // Outside the document's limits: sent untyped.
    for (const days of ['0', '91', 'abc', '0x10']) {
      const refused = await admin.get<{ errors?: { path: string }[] }>(
        `/admin/stats/daily?days=${days}`,
      );
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.path).toBe('days');
    }

    const daily = async (days?: number) =>
      expectData(
        await admin.api.GET('/api/v1/admin/stats/daily', { params: { query: { days } } }),
        200,
      ).items;
    const month = await daily();
    expect(month).toHaveLength(30);
    const today = new Date().toISOString().slice(0, 10);
    expect(month.at(-1)?.day).toBe(today);
    const days = month.map((item) => item.day);
    expect([...days].sort()).toEqual(days);

    const signupsToday = async () => (await daily(1))[0]?.signups ?? 0;
    await settled();
    const before = await signupsToday();
    await Promise.all([signUp('Cy'), signUp('Di')]);
    await waitFor(async () => (await signupsToday()) === before + 2, {
      message: 'signups today to count two sign-ups',
    });
  });
});
