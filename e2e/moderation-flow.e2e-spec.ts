import { randomUUID } from 'node:crypto';
import { locationCell } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import type { Person } from './support/api-client';
import { signUp } from './support/api-client';
import type { AuditEntry, ReportItem, Staff } from './support/moderation';
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

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// Each test meets in its own spot on the map, away from other tests' people.
const somewhere = () =>
  locationCell({ lat: -50 + Math.random() * 100, lng: -160 + Math.random() * 320 });
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function locatedAt(person: Person, place: { lat: number; lng: number }): Promise<Person> {
  const response = await person.client.request('PATCH', '/users/me', {
    body: { location: { ...place, city: 'Here' }, interests: ['chess', 'jazz'] },
  });
  expect(response.status).toBe(200);
  return person;
}

const ids = (items: { userId: string }[]) => items.map((item) => item.userId);
const discovered = async (viewer: Person) =>
  ids(
    (await viewer.client.get<Page<{ userId: string }>>('/matching/discover?limit=100')).body.items,
  );
const matchedWith = async (viewer: Person) =>
  ids((await viewer.client.get<Page<{ userId: string }>>('/matching/matches')).body.items);
const recommended = async (viewer: Person) =>
  ids((await viewer.client.get<Page<{ userId: string }>>('/reco/people?limit=100')).body.items);
const attendees = async (organizer: Person, eventId: string) =>
  (await organizer.client.get<Page<{ id: string }>>(`/events/${eventId}/attendees`)).body.items.map(
    (item) => item.id,
  );

/** Retries a call that answers 404 until the service has learned of the people involved. */
const once404Passes = <T>(call: () => Promise<{ status: number; body: T }>, what: string) =>
  waitFor(
    async () => {
      const response = await call();
      return response.status === 404 ? undefined : response;
    },
    { timeoutMs: 10_000, message: what },
  );

async function sessionOf(person: Person) {
  const bleToken = `ble-${randomUUID()}`;
  const response = await person.client.post('/proximity/sessions', {
    bleToken,
    interests: ['chess'],
  });
  expect(response.status).toBe(201);
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
      () => viewer.client.post('/matching/swipes', { targetUserId: subject.id, action: 'like' }),
      'matching to learn of the subject',
    );
    const liked = await once404Passes(
      () =>
        subject.client.post<{ matched: boolean }>('/matching/swipes', {
          targetUserId: viewer.id,
          action: 'like',
        }),
      'matching to learn of the viewer',
    );
    expect(liked.body.matched).toBe(true);
    await waitFor(async () => (await recommended(viewer)).includes(subject.id), {
      timeoutMs: 10_000,
      message: 'reco to learn of the match',
    });
    const event = await viewer.client.post<{ id: string }>('/events', {
      title: 'Chess in the park',
      category: 'social',
      startsAt: inHours(48),
      endsAt: inHours(50),
      location: { name: 'Park', ...here },
      capacity: 10,
    });
    expect(event.status).toBe(201);
    const registered = await once404Passes(
      () => subject.client.post(`/events/${event.body.id}/registrations`),
      'the event service to learn of the subject',
    );
    expect(registered.status).toBe(201);
    expect(await attendees(viewer, event.body.id)).toContain(subject.id);
    const topic = `moderation ${randomUUID().slice(0, 8)}`;
    const ticket = await subject.client.post<{ status: string }>('/matching/queue', {
      topic,
      difficulty: 'easy',
    });
    expect(ticket.body.status).toBe('waiting');
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
    const queue = await moderator.client.get<Page<ReportItem>>(
      `/admin/reports?subjectUserId=${subject.id}`,
    );
    expect(queue.body.items).toEqual([
      expect.objectContaining({ id: filed.id, reporterId: reporter.id, status: 'open' }),
    ]);

    // Suspended for a while: refused everywhere within 5 s, socket closed, sign-in refused.
    const decided = await moderator.client.post<ReportItem>(`/admin/reports/${filed.id}/decision`, {
      action: 'suspend',
      durationHours: 100,
      note: note('abusive messages'),
    });
    const suspendedAt = Date.now();
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'actioned', action: 'suspend' });
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
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({
      code: 'AUTH.ACCOUNT_SUSPENDED',
      accountStatus: 'suspended',
      suspendedUntil: expect.any(String),
    });

    // Every service has applied it (its own port refused the token): gone from every view.
    expect(await discovered(scout)).not.toContain(subject.id);
    expect(await matchedWith(viewer)).not.toContain(subject.id);
    expect(await recommended(viewer)).not.toContain(subject.id);
    expect(await attendees(viewer, event.body.id)).not.toContain(subject.id);
    expect((await viewer.client.get(`/users/${subject.id}`)).status).toBe(404);
    const partnerTicket = await partner.client.post<{ status: string }>('/matching/queue', {
      topic,
      difficulty: 'easy',
    });
    expect(partnerTicket.body.status).toBe('waiting');
    const viewerBle = await sessionOf(viewer);
    const unseen = await viewer.client.post('/proximity/encounters', {
      ownToken: viewerBle,
      detectedToken: subjectBle,
    });
    expect(unseen.body).toEqual({ match: false, sharedInterests: [], nudgeSent: false });

    // Reinstated: they sign in again and are back everywhere.
    const reinstated = await moderator.client.post<{ status: string }>(
      `/admin/users/${subject.id}/reinstate`,
      { note: note('appeal accepted') },
    );
    expect(reinstated.status).toBe(200);
    expect(reinstated.body.status).toBe('active');
    expect((await logIn(subject)).status).toBe(200);
    await untilEveryCheck(subject.token, accepted, { what: 'accept the reinstated person' });
    await waitFor(
      async () =>
        (await discovered(scout)).includes(subject.id) &&
        (await matchedWith(viewer)).includes(subject.id) &&
        (await recommended(viewer)).includes(subject.id) &&
        (await attendees(viewer, event.body.id)).includes(subject.id),
      { timeoutMs: 5_000, message: 'the reinstated person to be visible again everywhere' },
    );
    const again = await viewer.client.post<{ match: boolean }>('/proximity/encounters', {
      ownToken: viewerBle,
      detectedToken: await sessionOf(subject),
    });
    expect(again.body.match).toBe(true);

    // One audit entry per action, with the actor.
    const history = await auditAbout(admin, subject.id);
    expect(history.map((entry) => [entry.action, entry.actorId, entry.objectId ?? null])).toEqual([
      ['user.reinstated', moderator.id, null],
      ['report.suspended', moderator.id, filed.id],
    ]);
  });

  it('ends a timed suspension by itself', async () => {
    const person = await signUp('Tim');
    const suspended = await admin.client.post<{ status: string; suspendedUntil: string }>(
      `/admin/users/${person.id}/suspend`,
      { durationHours: 1, note: note('cooling off') },
    );
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    await untilEveryCheck(person.token, refusedAsSuspended, { what: 'refuse the token' });
    expect((await logIn(person)).status).toBe(403);

    // MODERATION_HOUR_SECONDS makes the hour short in this suite; no one acts.
    const endsIn = Date.parse(suspended.body.suspendedUntil) - Date.now();
    await untilEveryCheck(person.token, accepted, {
      timeoutMs: endsIn + 5_000,
      what: 'accept the token once the suspension has ended',
    });
    expect((await logIn(person)).status).toBe(200);
    const detail = await admin.client.get<{ status: string }>(`/admin/users/${person.id}`);
    expect(detail.body.status).toBe('active');
    const history = await auditAbout(admin, person.id);
    expect(history.map((entry: AuditEntry) => entry.action)).toEqual(['user.suspended']);
  });

  it('cancels the events and plans a banned person organises', async () => {
    const [banned, guest] = await Promise.all([signUp('Bo'), signUp('Gia')]);
    const guestSocket = await connect(guest.token);
    const event = await banned.client.post<{ id: string }>('/events', {
      title: 'Pop-up supper',
      category: 'social',
      startsAt: inHours(72),
      endsAt: inHours(74),
      location: { name: 'Loft', lat: 10, lng: 10 },
      capacity: 10,
    });
    expect(event.status).toBe(201);
    expect(
      (
        await once404Passes(
          () => guest.client.post(`/events/${event.body.id}/registrations`),
          'the event service to learn of the guest',
        )
      ).status,
    ).toBe(201);
    const venue = await admin.client.post<{ id: string }>('/venues', {
      name: `Bistro ${randomUUID().slice(0, 6)}`,
      category: 'restaurant',
      lat: 10,
      lng: 10,
      priceLevel: 2,
    });
    expect(venue.status).toBe(201);
    const plan = await once404Passes(
      () =>
        banned.client.post<{ id: string; status: string }>('/plans', {
          venueId: venue.body.id,
          startsAt: inHours(30),
          inviteeIds: [guest.id],
        }),
      'the booking agent to learn of the venue and the guest',
    );
    expect(plan.status).toBe(201);

    const ban = await admin.client.post<{ status: string }>(`/admin/users/${banned.id}/ban`, {
      note: note('organised a scam'),
    });
    expect(ban.status).toBe(200);
    expect(ban.body.status).toBe('banned');
    await guestSocket.next('event.cancelled', (payload) => payload.eventId === event.body.id);
    await waitFor(
      async () => {
        const [ev, pl] = await Promise.all([
          guest.client.get<{ status: string }>(`/events/${event.body.id}`),
          guest.client.get<{ status: string }>(`/plans/${plan.body.id}`),
        ]);
        return ev.body.status === 'cancelled' && pl.body.status === 'cancelled';
      },
      { timeoutMs: 5_000, message: "the banned person's event and plan to be cancelled" },
    );
    const login = await logIn(banned);
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ accountStatus: 'banned', suspendedUntil: null });
    expect((await auditAbout(admin, banned.id)).map((entry) => entry.action)).toEqual([
      'user.banned',
    ]);
  });
});
