import { testRedis, waitFor } from '@rendezvous/testing';
import type { components } from '@rendezvous/api-client';
import type { ApiClient, Person } from './support/api-client';
import { signInAdmin, signUp } from './support/api-client';

type Stats = components['schemas']['AdminStats'];
type Day = components['schemas']['DailyStats'];

// The counters kept of Redis-held state start from empty after a loss, as that state does.
const counted = ({ queueWaiting: _q, activeProximitySessions: _p, ...rest }: Stats) => rest;

describe('admin stats after Redis lost everything', () => {
  let admin: ApiClient;

  const readBoth = async (): Promise<{ stats: Stats; daily: Day[] } | undefined> => {
    const stats = await admin.get<Stats>('/admin/stats');
    const daily = await admin.get<{ items: Day[] }>('/admin/stats/daily?days=90');
    if (stats.status !== 200 || daily.status !== 200) return undefined;
    return { stats: stats.body, daily: daily.body.items };
  };
  const same = (a: { stats: Stats; daily: Day[] }, b: { stats: Stats; daily: Day[] }) =>
    JSON.stringify([counted(a.stats), a.daily]) === JSON.stringify([counted(b.stats), b.daily]);
  // Events in flight have arrived when two reads two seconds apart agree.
  const settled = async () => {
    let previous = await waitFor(readBoth, { message: 'the counters to answer' });
    return waitFor(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const now = await readBoth();
        const agreed = now && same(now, previous) ? now : undefined;
        if (now) previous = now;
        return agreed;
      },
      { timeoutMs: 60_000, intervalMs: 0, message: 'the counters to settle' },
    );
  };
  const flushRedis = async () => {
    const redis = testRedis();
    try {
      await redis.flushall();
    } finally {
      await redis.quit();
    }
  };
  const likes = async (person: Person, other: Person) =>
    (
      await person.api.POST('/api/v1/matching/swipes', {
        body: { targetUserId: other.id, action: 'like' },
      })
    ).response.status === 201;

  beforeAll(async () => {
    admin = await signInAdmin();
    // From here on the counters are what the services' databases hold: earlier runs may have
    // counted events of tests that ran on databases of their own.
    await flushRedis();
    admin = await waitFor(
      async () => {
        const again = await signInAdmin().catch(() => undefined);
        return again && (await again.get('/admin/stats')).status === 200 ? again : undefined;
      },
      { timeoutMs: 60_000, message: 'the counters to be rebuilt' },
    );
  });

  it('answers the same counters after a flush as before it, and counts on once', async () => {
    const [ada, bob, cy] = await Promise.all([signUp('Ada'), signUp('Bob'), signUp('Cy')]);
    await waitFor(() => likes(ada, bob), { message: 'matching to learn of Bob' });
    await waitFor(() => likes(bob, ada), { message: 'matching to learn of Ada' });
    expect((await cy.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
    const before = await settled();

    await flushRedis();
    // Reads answer 503 until the counters are back; the suite's tokens are checked again.
    const after = await waitFor(
      async () => {
        const now = await readBoth().catch(() => undefined);
        return now && same(now, before) ? now : undefined;
      },
      { timeoutMs: 60_000, message: 'the counters from before the flush' },
    );
    expect(counted(after.stats)).toEqual(counted(before.stats));
    expect(after.daily).toEqual(before.daily);

    const di = await signUp('Di');
    await waitFor(() => likes(di, ada), { message: 'matching to learn of Di' });
    const later = await settled();
    expect(later.stats.usersTotal).toBe(before.stats.usersTotal + 1);
    expect(later.stats.swipesToday).toBe(before.stats.swipesToday + 1);
  });
});
