import { randomUUID } from 'node:crypto';
import { EXPORT_PART_KEYS } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import type { Person } from './support/api-client';
import { signInAdmin, signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';
import { onTheHour } from './support/on-the-hour';
import { expectData, expectProblem } from './support/typed-api';

const atExport = (id: string) => ({ params: { path: { id } } });

/** Retries a call while the service has not yet learned of the people it names (`404`). */
const once404Passes = <A extends { response: Response }>(call: () => Promise<A>, what: string) =>
  waitFor(
    async () => {
      const answer = await call();
      return answer.response.status === 404 ? undefined : answer;
    },
    { timeoutMs: 10_000, message: what },
  );

type Records = Record<string, unknown>[];

describe('personal-data export through the gateway', () => {
  const sockets: RealtimeClient[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  /** Ada with something in every service, and Bob, who reports her. */
  async function adaWithHistory() {
    const admin = await signInAdmin();
    const [ada, bob] = [await signUp('Ada'), await signUp('Bob')];
    const like = (from: Person, to: Person) =>
      once404Passes(
        () =>
          from.api.POST('/api/v1/matching/swipes', {
            body: { targetUserId: to.id, action: 'like' },
          }),
        'matching to know both',
      );
    expectData(await like(ada, bob), 201);
    expectData(await like(bob, ada), 201);

    const event = expectData(
      await bob.api.POST('/api/v1/events', {
        body: {
          title: 'Go club',
          description: 'Bring a board.',
          category: 'networking',
          tags: ['go'],
          startsAt: onTheHour(48),
          endsAt: onTheHour(50),
          location: { name: 'Café', lat: 48.85, lng: 2.35 },
          capacity: 10,
        },
      }),
      201,
    );
    const registration = await once404Passes(
      () =>
        ada.api.POST('/api/v1/events/{id}/registrations', { params: { path: { id: event.id } } }),
      'the event service to know Ada',
    );
    expectData(registration, 201);

    const bleToken = `ble-${randomUUID()}`;
    expectData(
      await ada.api.POST('/api/v1/proximity/sessions', {
        body: { bleToken, interests: ['backgammon'] },
      }),
      201,
    );

    const venue = expectData(
      await admin.api.POST('/api/v1/venues', {
        body: { name: 'Le Nid', category: 'cafe', priceLevel: 2, lat: 48.85, lng: 2.35 },
      }),
      201,
    );
    const interaction = await once404Passes(
      () =>
        ada.api.POST('/api/v1/venues/{id}/interactions', {
          params: { path: { id: venue.id } },
          body: { type: 'like', dwellSeconds: 60 },
        }),
      'reco to know Ada',
    );
    expectData(interaction, 201);

    expectData(
      await bob.api.POST('/api/v1/users/me/timeslots', {
        body: { startsAt: onTheHour(26), endsAt: onTheHour(28) },
      }),
      201,
    );
    const plan = expectData(
      await once404Passes(
        () =>
          ada.api.POST('/api/v1/plans', {
            body: { venueId: venue.id, startsAt: onTheHour(26), inviteeIds: [bob.id] },
          }),
        'the booking agent to know the venue and Bob',
      ),
      201,
    );

    const secret = `about Ada ${randomUUID()}`;
    const report = expectData(
      await bob.api.POST('/api/v1/reports', {
        body: { subjectUserId: ada.id, reason: 'spam', details: secret },
      }),
      201,
    );
    return { ada, bob, eventId: event.id, venueId: venue.id, planId: plan.id, secret, report };
  }

  it('assembles every service’s part within 10 s, tells the person, and shows it to them alone', async () => {
    const { ada, bob, eventId, venueId, planId, secret, report } = await adaWithHistory();
    // Her match notification is in the gateway's history before she asks.
    await waitFor(
      async () =>
        expectData(await ada.api.GET('/api/v1/notifications'), 200).items.some(
          (n) => n.event === 'match.created',
        ),
      { message: 'the match notification' },
    );
    const phone = await connectRealtime(ada.token);
    sockets.push(phone);

    const requested = expectData(await ada.api.POST('/api/v1/users/me/exports'), 202);
    expect(requested).toMatchObject({ status: 'pending', readyAt: null, expiresAt: null });
    const again = expectProblem(await ada.api.POST('/api/v1/users/me/exports'), 409);
    expect(again.code).toBe('USERS.EXPORT_PENDING');

    const started = Date.now();
    const announced = await phone.next('export.ready', (p) => p.exportId === requested.id);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(Object.keys(announced.payload).sort()).toEqual(
      ['exportId', 'notificationId', 'occurredAt'].sort(),
    );

    const ready = expectData(
      await ada.api.GET('/api/v1/users/me/exports/{id}', atExport(requested.id)),
      200,
    );
    expect(ready).toMatchObject({ id: requested.id, status: 'ready' });
    expect(Date.parse(ready.expiresAt ?? '') - Date.parse(ready.readyAt ?? '')).toBe(
      7 * 24 * 3_600_000,
    );
    const data = ready.data as Record<(typeof EXPORT_PART_KEYS)[number], Record<string, unknown>>;
    expect(Object.keys(data).sort()).toEqual([...EXPORT_PART_KEYS].sort());
    expect(data.user.account).toMatchObject({ id: ada.id, email: ada.email });
    expect(data.matching.swipes as Records).toEqual([
      expect.objectContaining({ targetId: bob.id, action: 'like' }),
    ]);
    expect(data.matching.matches as Records).toEqual([
      expect.objectContaining({ partnerId: bob.id }),
    ]);
    expect(data.event.registrations as Records).toEqual([
      expect.objectContaining({ eventId, status: 'registered' }),
    ]);
    expect(data.proximity.session).toMatchObject({ interests: ['games'] });
    expect(data.reco.interactions as Records).toEqual([
      expect.objectContaining({ venueId, type: 'like' }),
    ]);
    expect(data.bookingAgent.plans as Records).toEqual([
      expect.objectContaining({ id: planId, role: 'organizer' }),
    ]);
    expect((data.gateway.notifications as Records).map((n) => n.event)).toContain('match.created');
    // Nothing of what others keep private: not the report about her, not Bob's account.
    const text = JSON.stringify(data);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(report.id);
    expect(text).not.toContain(bob.email);
    expect(text).not.toMatch(/password|\$argon2|\$2[aby]\$/i);

    expectProblem(await bob.api.GET('/api/v1/users/me/exports/{id}', atExport(requested.id)), 404);
    expectProblem(
      await ada.client
        .withToken(undefined)
        .GET('/api/v1/users/me/exports/{id}', atExport(requested.id)),
      401,
    );
    expectProblem(await ada.client.withToken(undefined).POST('/api/v1/users/me/exports'), 401);
  });

  it('drops the person’s exports with their account', async () => {
    const ada = await signUp('Ada');
    const { id } = expectData(await ada.api.POST('/api/v1/users/me/exports'), 202);
    expect((await ada.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
    // Her token is refused from now on, and nobody else can reach the export either.
    const bob = await signUp('Bob');
    expectProblem(await bob.api.GET('/api/v1/users/me/exports/{id}', atExport(id)), 404);
    expectProblem(await ada.api.GET('/api/v1/users/me/exports/{id}', atExport(id)), 401);
  });
});
