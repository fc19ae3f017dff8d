import { COMMON_ERRORS } from '@rendezvous/contracts';
import { testRedis, waitFor } from '@rendezvous/testing';
import type { Person } from './support/api-client';
import { signUp } from './support/api-client';
import { connectRealtime, refusedHandshake } from './support/realtime-client';
import { theAdmin } from './support/moderation';
import { GATEWAY_URL } from './support/suite-settings';
import { expectData } from './support/typed-api';

/** The status of `GET /users/me` through the gateway with this token. */
async function statusOf(token: string): Promise<number> {
  const response = await fetch(`${GATEWAY_URL}/api/v1/users/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  return response.status;
}

async function flushRedis(): Promise<void> {
  const redis = testRedis();
  try {
    await redis.flushall();
  } finally {
    await redis.quit();
  }
}

const historyIds = async (person: Person) =>
  expectData(await person.api.GET('/api/v1/notifications'), 200).items.map(
    (item) => item.notificationId,
  );

describe('the gateway after Redis lost everything', () => {
  it('never admits a suspended or deleted person again, and gives the histories back', async () => {
    const admin = await theAdmin();
    const [sue, dee, bob, carol] = await Promise.all(
      ['Sue', 'Dee', 'Bob', 'Carol'].map((name) => signUp(name)),
    );
    for (const requester of [sue, carol]) {
      const request = await requester.api.POST('/api/v1/users/me/connections', {
        body: { userId: bob.id },
      });
      expectData(request, 201);
    }
    const before = await waitFor(
      async () => {
        const ids = await historyIds(bob);
        return ids.length === 2 ? ids : undefined;
      },
      { timeoutMs: 10_000, message: "Bob's two notifications" },
    );
    expectData(
      await admin.client.api.POST('/api/v1/admin/users/{id}/suspend', {
        params: { path: { id: sue.id } },
        body: { note: 'a test of Redis loss' },
      }),
      200,
    );
    expect((await dee.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
    await waitFor(
      async () => (await statusOf(sue.token)) === 401 && (await statusOf(dee.token)) === 401,
      { timeoutMs: 10_000, message: 'both tokens refused' },
    );

    await flushRedis();
    const seen: number[] = [];
    const handshakes: string[] = [];
    await waitFor(
      async () => {
        const statuses = await Promise.all([sue, dee].map((person) => statusOf(person.token)));
        seen.push(...statuses);
        handshakes.push(await refusedHandshake(sue.token));
        return statuses.every((status) => status === 401);
      },
      { timeoutMs: 30_000, intervalMs: 20, message: 'both tokens refused again' },
    );

    expect(new Set(seen)).toEqual(new Set([503, 401]));
    expect(
      handshakes.every((message) =>
        ['AUTH.ACCOUNT_SUSPENDED', COMMON_ERRORS.DEPENDENCY_UNAVAILABLE].includes(message),
      ),
    ).toBe(true);
    expect(await refusedHandshake(dee.token)).toBe('unauthorized');

    const after = await waitFor(
      async () => {
        const answer = await bob.api.GET('/api/v1/notifications');
        return answer.response.status === 200 ? answer.data?.items : undefined;
      },
      { timeoutMs: 30_000, message: "Bob's history back" },
    );
    expect(after.map((item) => item.notificationId)).toEqual(before);
    const carolRealtime = await connectRealtime(carol.token);
    carolRealtime.close();
  });
});
