import { randomUUID } from 'node:crypto';
import { locationCell } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import type { Person } from './support/api-client';
import { signUp } from './support/api-client';
import type { Staff } from './support/moderation';
import {
  aModerator,
  accepted,
  auditAbout,
  logIn,
  note,
  refusedAsSuspended,
  report,
  theAdmin,
  untilEveryCheck,
} from './support/moderation';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime, refusedHandshake } from './support/realtime-client';
import { expectData, expectProblem } from './support/typed-api';

// Each test meets in its own spot on the map, away from other tests' people.
const somewhere = () =>
  locationCell({ lat: -50 + Math.random() * 100, lng: -160 + Math.random() * 320 });
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function locatedAt(person: Person, place: { lat: number; lng: number }): Promise<Person> {
  const answer = await person.api.PATCH('/api/v1/users/me', {
    body: { location: { ...place, city: 'Here' }, interests: ['chess', 'jazz'] },
  });
  expectData(answer, 200);
  return person;
}

const ids = (items: { userId: string }[]) => items.map((item) => item.userId);
const limit100 = { params: { query: { limit: 100 } } };
const discovered = async (viewer: Person) =>
  ids(expectData(await viewer.api.GET('/api/v1/matching/discover', limit100), 200).items);
const matchedWith = async (viewer: Person) =>
  ids(expectData(await viewer.api.GET('/api/v1/matching/matches'), 200).items);
const recommended = async (viewer: Person) =>
  ids(expectData(await viewer.api.GET('/api/v1/reco/people', limit100), 200).items);
const attendees = async (organizer: Person, eventId: string) =>
  expectData(
    await organizer.api.GET('/api/v1/events/{id}/attendees', {
      params: { path: { id: eventId } },
    }),
    200,
  ).items.map((item) => item.id);

/** Retries a call that answers 404 until the service has learned of the people involved. */
const once404Passes = <A extends { response: Response }>(call: () => Promise<A>, what: string) =>
  waitFor(
    async () => {
      const answer = await call();
      return answer.response.status === 404 ? undefined : answer;
    },
    { timeoutMs: 10_000, message: what },
  );

const register = (person: Person, eventId: string) =>
  person.api.POST('/api/v1/events/{id}/registrations', { params: { path: { id: eventId } } });

async function sessionOf(person: Person) {
  const bleToken = `ble-${randomUUID()}`;
  const answer = await person.api.POST('/api/v1/proximity/sessions', {
    body: { bleToken, interests: ['chess'] },
  });
  expectData(answer, 201);
  return bleToken;
}

describe('moderation through the gateway', () => {
  const sockets: RealtimeClient[] = [];
  let admin: Staff;
  let moderator: Person;

  beforeAll(async () => {
    admin = await theAdmin();
    moderator = await aModerator(admin);
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  const connect = async (token: string) => {
    const client = await connectRealtime(token);
    sockets.push(client);
    return client;
  };

  it('takes a reported person out of everything within 5 s of a suspension, and back on reinstatement', async () => {
    const here = somewhere();
    const [subject, viewer, scout, reporter, partner] = await Promise.all([
      signUp('Sam').then((p) => locatedAt(p, here)),
      signUp('Vic').then((p) => locatedAt(p, here)),
      signUp('Scout').then((p) => locatedAt(p, here)),
      signUp('Rita'),
      signUp('Pat'),
    ]);

    // The subject is visible to a stranger, matched with the viewer, recommended to them and
    // registered at their event; they wait in the queue and have a proximity session.
    await waitFor(async () => (await discovered(scout)).includes(subject.id), {
      timeoutMs: 10_000,
      message: 'the scout to discover the subject',
    });
    await once404Passes(
      () =>
        viewer.api.POST('/api/v1/matching/swipes', {
          body: { targetUserId: subject.id, action: 'like' },
        }),
      'matching to learn of the subject',
    );
    const liked = await once404Passes(
      () =>
        subject.api.POST('/api/v1/matching/swipes', {
          body: { targetUserId: viewer.id, action: 'like' },
        }),
      'matching to learn of the viewer',
    );
    expect(expectData(liked, 201).matched).toBe(true);
    await waitFor(async () => (await recommended(viewer)).includes(subject.id), {
      timeoutMs: 10_000,
      message: 'reco to learn of the match',
    });
    const event = expectData(
      await viewer.api.POST('/api/v1/events', {
        body: {
          title: 'Chess in the park',
          category: 'social',
          startsAt: inHours(48),
          endsAt: inHours(50),
          location: { name: 'Park', ...here },
          capacity: 10,
        },
      }),
      201,
    );
    const registered = await once404Passes(
      () => register(subject, event.id),
      'the event service to learn of the subject',
    );
    expectData(registered, 201);
    expect(await attendees(viewer, event.id)).toContain(subject.id);
    const topic = `moderation ${randomUUID().slice(0, 8)}`;
    const queueUp = (person: Person) =>
      person.api.POST('/api/v1/matching/queue', { body: { topic, difficulty: 'easy' } });
    const ticket = await queueUp(subject);
    expect(ticket.data?.status).toBe('waiting');
    const subjectBle = await sessionOf(subject);

    const moderatorSocket = await connect(moderator.token);
    const subjectSocket = await connect(subject.token);

    // Reported: the moderator sees it at once, on the socket and in the queue.
    const filed = await report(reporter, subject.id);
    expect(filed).toMatchObject({
      subjectUserId: subject.id,
      reason: 'harassment',
      status: 'open',
    });
    const pushed = await moderatorSocket.next(
      'moderation.report_created',
      (payload) => payload.reportId === filed.id,
    );
    expect(pushed.payload).toMatchObject({
      subjectUserId: subject.id,
      reason: 'harassment',
      subjectOpenReports: 1,
    });
    const queue = await moderator.api.GET('/api/v1/admin/reports', {
      params: { query: { subjectUserId: subject.id } },
    });
    expect(expectData(queue, 200).items).toEqual([
      expect.objectContaining({ id: filed.id, reporterId: reporter.id, status: 'open' }),
    ]);

    // Suspended for a while: refused everywhere within 5 s, socket closed, sign-in refused.
    const decided = await moderator.api.POST('/api/v1/admin/reports/{id}/decision', {
      params: { path: { id: filed.id } },
      body: { action: 'suspend', durationHours: 100, note: note('abusive messages') },
    });
    const suspendedAt = Date.now();
    expect(expectData(decided, 200)).toMatchObject({ status: 'actioned', action: 'suspend' });
    await untilEveryCheck(subject.token, refusedAsSuspended, {
      since: suspendedAt,
      what: "refuse the suspended person's token",
    });
    await waitFor(() => !subjectSocket.socket.connected, {
      timeoutMs: 5_000 - (Date.now() - suspendedAt),
      message: "the suspended person's socket to be closed",
    });
    expect(await refusedHandshake(subject.token)).toBe('AUTH.ACCOUNT_SUSPENDED');
    const login = await logIn(subject);
    expect(expectProblem(login, 403)).toMatchObject({
      code: 'AUTH.ACCOUNT_SUSPENDED',
      accountStatus: 'suspended',
      suspendedUntil: expect.any(String),
    });

    // Every service has applied it (its own port refused the token): gone from every view.
    expect(await discovered(scout)).not.toContain(subject.id);
    expect(await matchedWith(viewer)).not.toContain(subject.id);
    expect(await recommended(viewer)).not.toContain(subject.id);
    expect(await attendees(viewer, event.id)).not.toContain(subject.id);
    const profile = await viewer.api.GET('/api/v1/users/{id}', {
      params: { path: { id: subject.id } },
    });
    expectProblem(profile, 404);
    expect((await queueUp(partner)).data?.status).toBe('waiting');
    const viewerBle = await sessionOf(viewer);
    const unseen = await viewer.api.POST('/api/v1/proximity/encounters', {
      body: { ownToken: viewerBle, detectedToken: subjectBle },
    });
    expect(unseen.data).toEqual({ match: false, sharedInterests: [], nudgeSent: false });

    // Reinstated: they sign in again and are back everywhere.
    const reinstated = await moderator.api.POST('/api/v1/admin/users/{id}/reinstate', {
      params: { path: { id: subject.id } },
      body: { note: note('appeal accepted') },
    });
    expect(expectData(reinstated, 200).status).toBe('active');
    expectData(await logIn(subject), 200);
    await untilEveryCheck(subject.token, accepted, { what: 'accept the reinstated person' });
    await waitFor(
      async () =>
        (await discovered(scout)).includes(subject.id) &&
        (await matchedWith(viewer)).includes(subject.id) &&
        (await recommended(viewer)).includes(subject.id) &&
        (await attendees(viewer, event.id)).includes(subject.id),
      { timeoutMs: 5_000, message: 'the reinstated person to be visible again everywhere' },
    );
    const again = await viewer.api.POST('/api/v1/proximity/encounters', {
      body: { ownToken: viewerBle, detectedToken: await sessionOf(subject) },
    });
    expect(expectData(again, 200).match).toBe(true);

    // One audit entry per action, with the actor.
    const history = await auditAbout(admin, subject.id);
    expect(history.map((entry) => [entry.action, entry.actorId, entry.objectId ?? null])).toEqual([
      ['user.reinstated', moderator.id, null],
      ['report.suspended', moderator.id, filed.id],
    ]);
  });

  it('ends a timed suspension by itself', async () => {
    const person = await signUp('Tim');
    const suspended = expectData(
      await admin.client.api.POST('/api/v1/admin/users/{id}/suspend', {
        params: { path: { id: person.id } },
        body: { durationHours: 1, note: note('cooling off') },
      }),
      200,
    );
    expect(suspended.status).toBe('suspended');
    await untilEveryCheck(person.token, refusedAsSuspended, { what: 'refuse the token' });
    expectProblem(await logIn(person), 403);

    // MODERATION_HOUR_SECONDS makes the hour short in this suite; no one acts.
    const endsIn = Date.parse(String(suspended.suspendedUntil)) - Date.now();
    await untilEveryCheck(person.token, accepted, {
      timeoutMs: endsIn + 5_000,
      what: 'accept the token once the suspension has ended',
    });
    expectData(await logIn(person), 200);
    const detail = await admin.client.api.GET('/api/v1/admin/users/{id}', {
      params: { path: { id: person.id } },
    });
    expect(expectData(detail, 200).status).toBe('active');
    const history = await auditAbout(admin, person.id);
    expect(history.map((entry) => entry.action)).toEqual(['user.suspended']);
  });

  it('cancels the events and plans a banned person organises', async () => {
    const [banned, guest] = await Promise.all([signUp('Bo'), signUp('Gia')]);
    const guestSocket = await connect(guest.token);
    const event = expectData(
      await banned.api.POST('/api/v1/events', {
        body: {
          title: 'Pop-up supper',
          category: 'social',
          startsAt: inHours(72),
          endsAt: inHours(74),
          location: { name: 'Loft', lat: 10, lng: 10 },
          capacity: 10,
        },
      }),
      201,
    );
    const registered = await once404Passes(
      () => register(guest, event.id),
      'the event service to learn of the guest',
    );
    expectData(registered, 201);
    const venue = expectData(
      await admin.client.api.POST('/api/v1/venues', {
        body: {
          name: `Bistro ${randomUUID().slice(0, 6)}`,
          category: 'restaurant',
          lat: 10,
          lng: 10,
          priceLevel: 2,
          // The capacity takes its documented default.
        },
      }),
      201,
    );
    const planned = await once404Passes(
      () =>
        banned.api.POST('/api/v1/plans', {
          body: { venueId: venue.id, startsAt: inHours(30), inviteeIds: [guest.id] },
        }),
      'the booking agent to learn of the venue and the guest',
    );
    const plan = expectData(planned, 201);

    const ban = await admin.client.api.POST('/api/v1/admin/users/{id}/ban', {
      params: { path: { id: banned.id } },
      body: { note: note('organised a scam') },
    });
    expect(expectData(ban, 200).status).toBe('banned');
    await guestSocket.next('event.cancelled', (payload) => payload.eventId === event.id);
    await waitFor(
      async () => {
        const [ev, pl] = await Promise.all([
          guest.api.GET('/api/v1/events/{id}', { params: { path: { id: event.id } } }),
          guest.api.GET('/api/v1/plans/{id}', { params: { path: { id: plan.id } } }),
        ]);
        return ev.data?.status === 'cancelled' && pl.data?.status === 'cancelled';
      },
      { timeoutMs: 5_000, message: "the banned person's event and plan to be cancelled" },
    );
    const login = await logIn(banned);
    expect(expectProblem(login, 403)).toMatchObject({
      accountStatus: 'banned',
      suspendedUntil: null,
    });
    expect((await auditAbout(admin, banned.id)).map((entry) => entry.action)).toEqual([
      'user.banned',
    ]);
  });
});
