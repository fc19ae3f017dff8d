import type { components } from '@rendezvous/api-client';
import { icsUtc, icsValue, parseIcs, unescapeIcsText, waitFor } from '@rendezvous/testing';
import type { Person, Problem } from './support/api-client';
import { signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';
import { expectData, expectProblem } from './support/typed-api';

type CreateEvent = components['schemas']['CreateEventDto'];

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function eventBody(overrides: Partial<CreateEvent> = {}): CreateEvent {
  return {
    title: 'Rust networking night',
    description: 'Talks, then drinks.',
    category: 'networking',
    tags: ['rust'],
    startsAt: inHours(48),
    endsAt: inHours(50),
    location: { name: 'Station F', lat: 48.8343, lng: 2.3713 },
    capacity: 20,
    ...overrides,
  };
}

async function createEvent(organizer: Person, overrides: Partial<CreateEvent> = {}) {
  return expectData(
    await organizer.api.POST('/api/v1/events', { body: eventBody(overrides) }),
    201,
  );
}

const atEvent = (id: string) => ({ params: { path: { id } } });
const register = (person: Person, eventId: string) =>
  person.api.POST('/api/v1/events/{id}/registrations', atEvent(eventId));
const eventAsSeenBy = async (person: Person, eventId: string) =>
  expectData(await person.api.GET('/api/v1/events/{id}', atEvent(eventId)), 200);
const attendeesAsSeenBy = (person: Person, eventId: string) =>
  person.api.GET('/api/v1/events/{id}/attendees', atEvent(eventId));

describe('events through the gateway', () => {
  const sockets: RealtimeClient[] = [];
  const connect = async (person: Person) => {
    const client = await connectRealtime(person.token);
    sockets.push(client);
    return client;
  };

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  it('creates, validates, changes (organizer only) and finds events by time, category and place', async () => {
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    // Outside the document's limits: sent untyped.
    const invalid = await ada.client.post<Problem>(
      '/events',
      eventBody({ title: 'no', capacity: 0, location: { name: 'X', lat: 95, lng: 0 } }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((e) => e.path).sort()).toEqual([
      'capacity',
      'location.lat',
      'title',
    ]);

    // A spot in the Southern Ocean, away from the other tests' events.
    const center = { lat: -55 - Math.random() * 3, lng: 100 + Math.random() * 10 };
    const east = (km: number) => ({
      name: `${km} km east`,
      lat: center.lat,
      lng: center.lng + km / (111.195 * Math.cos((center.lat * Math.PI) / 180)),
    });
    const close = await createEvent(ada, { location: east(1), category: 'workshop' });
    const further = await createEvent(ada, {
      location: east(8),
      category: 'talk',
      startsAt: inHours(47),
      endsAt: inHours(49),
    });
    const outside = await createEvent(ada, { location: east(40) });
    const ours = new Set([close.id, further.id, outside.id]);
    const within = { near: `${center.lat},${center.lng}`, radiusKm: 10 };
    // Every item must answer the query; of this test's events, exactly the expected ones, in
    // order. Another test's event may share the spot by chance, so only ours are compared.
    const find = async (query: Record<string, string>) => {
      const { items } = expectData(
        await bob.api.GET('/api/v1/events', { params: { query: { ...within, ...query } } }),
        200,
      );
      for (const item of items) {
        expect(item.distanceKm).toBeLessThanOrEqual(within.radiusKm);
        if (query.category) expect(item.category).toBe(query.category);
        if (query.from) expect(item.startsAt >= query.from).toBe(true);
        if (query.to) expect(item.startsAt <= query.to).toBe(true);
      }
      return items.filter((e) => ours.has(e.id));
    };

    const within10 = await find({});
    expect(within10.map((e) => e.id)).toEqual([further.id, close.id]);
    expect(within10[1].distanceKm).toBeCloseTo(1, 1);
    const talks = await find({ category: 'talk' });
    expect(talks.map((e) => e.id)).toEqual([further.id]);
    const later = await find({ from: inHours(47.5), to: inHours(60) });
    expect(later.map((e) => e.id)).toEqual([close.id]);

    const rename = (person: Person, title: string) =>
      person.api.PATCH('/api/v1/events/{id}', { ...atEvent(close.id), body: { title } });
    expectProblem(await rename(bob, 'Mine now'), 403);
    expectProblem(await bob.api.DELETE('/api/v1/events/{id}', atEvent(close.id)), 403);
    expect(expectData(await rename(ada, 'Rust workshop'), 200).title).toBe('Rust workshop');

    const cancelled = await ada.api.DELETE('/api/v1/events/{id}', atEvent(close.id));
    expect(cancelled.response.status).toBe(204);
    expect((await eventAsSeenBy(bob, close.id)).status).toBe('cancelled');
    expect((await find({})).map((e) => e.id)).toEqual([further.id]);
  });

  it('refuses duplicate, organizer and past-event registrations with 409', async () => {
    const organizer = await signUp('Olga');
    const ada = await signUp('Ada');
    const event = await createEvent(organizer);
    expectData(await register(ada, event.id), 201);
    const twice = await register(ada, event.id);
    expect(expectProblem(twice, 409).code).toBe('EVENTS.ALREADY_REGISTERED');
    expectProblem(await register(organizer, event.id), 409);

    const soon = await createEvent(organizer, {
      startsAt: new Date(Date.now() + 1_500).toISOString(),
      endsAt: inHours(1),
    });
    await waitFor(() => Date.now() > Date.parse(soon.startsAt), {
      timeoutMs: 10_000,
      message: 'the event to start',
    });
    const refused = await register(ada, soon.id);
    expect(expectProblem(refused, 409).code).toBe('EVENTS.EVENT_STARTED');
  });

  it('promotes the first waiting person when a seat frees and tells them over Socket.IO', async () => {
    const organizer = await signUp('Olga');
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    const carol = await signUp('Carol');
    const event = await createEvent(organizer, { capacity: 1 });
    expect(expectData(await register(ada, event.id), 201).status).toBe('registered');
    expect(expectData(await register(bob, event.id), 201).status).toBe('waitlisted');
    expect(expectData(await register(carol, event.id), 201).status).toBe('waitlisted');
    const bobPhone = await connect(bob);
    const carolPhone = await connect(carol);

    const left = await ada.api.DELETE('/api/v1/events/{id}/registrations/me', atEvent(event.id));
    expect(left.response.status).toBe(204);
    const promoted = await bobPhone.next('event.registration.promoted');
    expect(promoted.payload).toEqual({
      eventId: event.id,
      notificationId: expect.any(String),
      occurredAt: expect.any(String),
    });
    expect(await eventAsSeenBy(bob, event.id)).toMatchObject({
      registeredCount: 1,
      waitlistedCount: 1,
    });
    const history = expectData(await bob.api.GET('/api/v1/notifications'), 200);
    expect(history.items.map((n) => n.event)).toContain('event.registration.promoted');
    expect(carolPhone.received).toEqual([]);
  });

  it('shows attendees and the calendar entry to the organizer and registered people only', async () => {
    const organizer = await signUp('Olga');
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    const stranger = await signUp('Sam');
    expectData(await ada.api.PATCH('/api/v1/users/me', { body: { headline: 'Rustacean' } }), 200);
    const event = await createEvent(organizer, {
      capacity: 1,
      title: 'Systems, sockets; and a title long enough to be folded in the calendar file',
    });
    await register(ada, event.id);
    await register(bob, event.id);

    const attendees = await waitFor(
      async () => {
        const page = expectData(await attendeesAsSeenBy(organizer, event.id), 200);
        return page.items[0]?.headline === 'Rustacean' ? page : undefined;
      },
      { timeoutMs: 5_000, message: 'Ada’s profile in the attendee list' },
    );
    expect(attendees.items).toEqual([
      expect.objectContaining({ id: ada.id, name: 'Ada', headline: 'Rustacean' }),
    ]);
    expect(JSON.stringify(attendees)).not.toContain(ada.email);
    expectData(await attendeesAsSeenBy(ada, event.id), 200);
    expectProblem(await attendeesAsSeenBy(bob, event.id), 403);
    expectProblem(await attendeesAsSeenBy(stranger, event.id), 403);

    const calendar = (person: Person) =>
      person.api.GET('/api/v1/events/{id}/calendar.ics', { ...atEvent(event.id), parseAs: 'text' });
    const entry = await calendar(ada);
    const ics = expectData(entry, 200);
    expect(entry.response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const [vevent] = parseIcs(ics).components;
    expect(icsValue(vevent, 'UID')).toBe(`${event.id}@rendezvous`);
    expect(icsUtc(icsValue(vevent, 'DTSTART')).getTime()).toBe(
      Math.floor(new Date(event.startsAt).getTime() / 1000) * 1000,
    );
    expect(icsUtc(icsValue(vevent, 'DTEND')).getTime()).toBe(
      Math.floor(new Date(event.endsAt).getTime() / 1000) * 1000,
    );
    expect(unescapeIcsText(icsValue(vevent, 'SUMMARY') ?? '')).toBe(event.title);
    expect(unescapeIcsText(icsValue(vevent, 'LOCATION') ?? '')).toBe('Station F');
    expect(icsValue(vevent, 'GEO')).toBe('48.8343;2.3713');
    expect((await calendar(bob)).response.status).toBe(403);
  });

  it('tells everyone registered or waiting when the organizer cancels', async () => {
    const organizer = await signUp('Olga');
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    const event = await createEvent(organizer, { capacity: 1 });
    await register(ada, event.id);
    await register(bob, event.id);
    const [adaPhone, bobPhone, organizerPhone] = [
      await connect(ada),
      await connect(bob),
      await connect(organizer),
    ];

    const cancelled = await organizer.api.DELETE('/api/v1/events/{id}', atEvent(event.id));
    expect(cancelled.response.status).toBe(204);
    for (const phone of [adaPhone, bobPhone]) {
      const notice = await phone.next('event.cancelled');
      expect(notice.payload).toEqual({
        eventId: event.id,
        notificationId: expect.any(String),
        occurredAt: expect.any(String),
      });
    }
    expect(organizerPhone.received).toEqual([]);
  });

  it('removes a deleted attendee, promoting the waitlist, and cancels what a deleted organizer planned', async () => {
    const organizer = await signUp('Olga');
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    const event = await createEvent(organizer, { capacity: 1 });
    await register(ada, event.id);
    await register(bob, event.id);
    const bobPhone = await connect(bob);

    expect((await ada.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
    const promoted = await bobPhone.next('event.registration.promoted');
    expect(promoted.payload.eventId).toBe(event.id);
    const attendees = await waitFor(
      async () => {
        const { items } = expectData(await attendeesAsSeenBy(organizer, event.id), 200);
        return items.length === 1 ? items : undefined;
      },
      { timeoutMs: 5_000, message: 'Bob alone in the attendee list' },
    );
    expect(attendees.map((a) => a.id)).toEqual([bob.id]);

    const planned = await createEvent(organizer);
    await register(bob, planned.id);
    expect((await organizer.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
    const cancelled = await bobPhone.next('event.cancelled', (p) => p.eventId === planned.id);
    expect(cancelled.payload.eventId).toBe(planned.id);
    expect((await eventAsSeenBy(bob, planned.id)).status).toBe('cancelled');
  });

  it('seats exactly the capacity when 100 people register at once', async () => {
    const organizer = await signUp('Olga');
    const event = await createEvent(organizer, { capacity: 10 });
    const people: Person[] = [];
    for (let batch = 0; batch < 10; batch++) {
      people.push(...(await Promise.all(Array.from({ length: 10 }, () => signUp('Guest')))));
    }

    const started = performance.now();
    const answers = await Promise.all(people.map((person) => register(person, event.id)));
    const elapsedMs = performance.now() - started;

    expect(answers.map((a) => a.response.status)).toEqual(Array(100).fill(201));
    const registered = answers.filter((a) => a.data?.status === 'registered').length;
    const waitlisted = answers.filter((a) => a.data?.status === 'waitlisted').length;
    console.log(
      `concurrency through the gateway: 100 requests, ${registered} registered, ` +
        `${waitlisted} waitlisted, ${elapsedMs.toFixed(0)} ms`,
    );
    expect([registered, waitlisted]).toEqual([10, 90]);
    expect(await eventAsSeenBy(organizer, event.id)).toMatchObject({
      registeredCount: 10,
      waitlistedCount: 90,
    });
  });
});
