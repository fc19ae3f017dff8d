import { icsUtc, icsValue, parseIcs, unescapeIcsText, waitFor } from '@rendezvous/testing';
import type { Person } from './support/api-client';
import { signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';
import { GATEWAY_URL } from './support/suite-settings';

interface EventBody {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: string;
  organizerId: string;
  registeredCount: number;
  waitlistedCount: number;
  distanceKm?: number;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function eventBody(overrides: Record<string, unknown> = {}) {
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

async function createEvent(organizer: Person, overrides: Record<string, unknown> = {}) {
  const response = await organizer.client.post<EventBody>('/events', eventBody(overrides));
  expect(response.status).toBe(201);
  return response.body;
}

const register = (person: Person, eventId: string) =>
  person.client.post<{ status: string }>(`/events/${eventId}/registrations`);

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

    // A spot in the Southern Ocean nobody else uses: only this test's events are near it.
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
    await createEvent(ada, { location: east(40) });
    const near = `near=${center.lat},${center.lng}`;

    const within10 = await bob.client.get<Page<EventBody>>(`/events?${near}&radiusKm=10`);
    expect(within10.status).toBe(200);
    expect(within10.body.items.map((e) => e.id)).toEqual([further.id, close.id]);
    expect(within10.body.items[1].distanceKm).toBeCloseTo(1, 1);
    const talks = await bob.client.get<Page<EventBody>>(
      `/events?${near}&radiusKm=10&category=talk`,
    );
    expect(talks.body.items.map((e) => e.id)).toEqual([further.id]);
    const window = `from=${encodeURIComponent(inHours(47.5))}&to=${encodeURIComponent(inHours(60))}`;
    const later = await bob.client.get<Page<EventBody>>(`/events?${near}&radiusKm=10&${window}`);
    expect(later.body.items.map((e) => e.id)).toEqual([close.id]);

    const hijack = await bob.client.request<Problem>('PATCH', `/events/${close.id}`, {
      body: { title: 'Mine now' },
    });
    expect(hijack.status).toBe(403);
    expect((await bob.client.request('DELETE', `/events/${close.id}`)).status).toBe(403);
    const renamed = await ada.client.request<EventBody>('PATCH', `/events/${close.id}`, {
      body: { title: 'Rust workshop' },
    });
    expect(renamed.body.title).toBe('Rust workshop');

    expect((await ada.client.request('DELETE', `/events/${close.id}`)).status).toBe(204);
    expect((await bob.client.get<EventBody>(`/events/${close.id}`)).body.status).toBe('cancelled');
    const afterCancel = await bob.client.get<Page<EventBody>>(`/events?${near}&radiusKm=10`);
    expect(afterCancel.body.items.map((e) => e.id)).toEqual([further.id]);
  });

  it('refuses duplicate, organizer and past-event registrations with 409', async () => {
    const organizer = await signUp('Olga');
    const ada = await signUp('Ada');
    const event = await createEvent(organizer);
    expect((await register(ada, event.id)).status).toBe(201);
    const twice = await register(ada, event.id);
    expect(twice.status).toBe(409);
    expect((twice.body as unknown as Problem).code).toBe('EVENTS.ALREADY_REGISTERED');
    expect((await register(organizer, event.id)).status).toBe(409);

    const soon = await createEvent(organizer, {
      startsAt: new Date(Date.now() + 1_500).toISOString(),
      endsAt: inHours(1),
    });
    await waitFor(() => Date.now() > Date.parse(soon.startsAt), {
      timeoutMs: 10_000,
      message: 'the event to start',
    });
    const refused = await register(ada, soon.id);
    expect(refused.status).toBe(409);
    expect((refused.body as unknown as Problem).code).toBe('EVENTS.EVENT_STARTED');
  });

  it('promotes the first waiting person when a seat frees and tells them over Socket.IO', async () => {
    const organizer = await signUp('Olga');
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    const carol = await signUp('Carol');
    const event = await createEvent(organizer, { capacity: 1 });
    expect((await register(ada, event.id)).body.status).toBe('registered');
    expect((await register(bob, event.id)).body.status).toBe('waitlisted');
    expect((await register(carol, event.id)).body.status).toBe('waitlisted');
    const bobPhone = await connect(bob);
    const carolPhone = await connect(carol);

    expect(
      (await ada.client.request('DELETE', `/events/${event.id}/registrations/me`)).status,
    ).toBe(204);
    const promoted = await bobPhone.next('event.registration.promoted');
    expect(promoted.payload).toEqual({
      eventId: event.id,
      notificationId: expect.any(String),
      occurredAt: expect.any(String),
    });
    const read = await bob.client.get<EventBody>(`/events/${event.id}`);
    expect(read.body).toMatchObject({ registeredCount: 1, waitlistedCount: 1 });
    const history = await bob.client.get<{ items: { event: string; payload: unknown }[] }>(
      '/notifications',
    );
    expect(history.body.items.map((n) => n.event)).toContain('event.registration.promoted');
    expect(carolPhone.received).toEqual([]);
  });

  it('shows attendees and the calendar entry to the organizer and registered people only', async () => {
    const organizer = await signUp('Olga');
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    const stranger = await signUp('Sam');
    await ada.client.request('PATCH', '/users/me', { body: { headline: 'Rustacean' } });
    const event = await createEvent(organizer, {
      capacity: 1,
      title: 'Systems, sockets; and a title long enough to be folded in the calendar file',
    });
    await register(ada, event.id);
    await register(bob, event.id);

    const attendees = await waitFor(
      async () => {
        const response = await organizer.client.get<Page<Record<string, unknown>>>(
          `/events/${event.id}/attendees`,
        );
        return response.body.items[0]?.headline === 'Rustacean' ? response.body : undefined;
      },
      { timeoutMs: 5_000, message: 'Ada’s profile in the attendee list' },
    );
    expect(attendees.items).toEqual([
      expect.objectContaining({ id: ada.id, name: 'Ada', headline: 'Rustacean' }),
    ]);
    expect(JSON.stringify(attendees)).not.toContain(ada.email);
    expect((await ada.client.get(`/events/${event.id}/attendees`)).status).toBe(200);
    expect((await bob.client.get(`/events/${event.id}/attendees`)).status).toBe(403);
    expect((await stranger.client.get(`/events/${event.id}/attendees`)).status).toBe(403);

    const response = await fetch(`${GATEWAY_URL}/api/v1/events/${event.id}/calendar.ics`, {
      headers: { authorization: `Bearer ${ada.token}`, 'x-forwarded-for': ada.client.ip },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const [vevent] = parseIcs(await response.text()).components;
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
    expect((await bob.client.get(`/events/${event.id}/calendar.ics`)).status).toBe(403);
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

    expect((await organizer.client.request('DELETE', `/events/${event.id}`)).status).toBe(204);
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

    expect((await ada.client.request('DELETE', '/users/me')).status).toBe(204);
    const promoted = await bobPhone.next('event.registration.promoted');
    expect(promoted.payload.eventId).toBe(event.id);
    const attendees = await waitFor(
      async () => {
        const response = await organizer.client.get<Page<{ id: string }>>(
          `/events/${event.id}/attendees`,
        );
        return response.body.items.length === 1 ? response.body.items : undefined;
      },
      { timeoutMs: 5_000, message: 'Bob alone in the attendee list' },
    );
    expect(attendees.map((a) => a.id)).toEqual([bob.id]);

    const planned = await createEvent(organizer);
    await register(bob, planned.id);
    expect((await organizer.client.request('DELETE', '/users/me')).status).toBe(204);
    const cancelled = await bobPhone.next('event.cancelled', (p) => p.eventId === planned.id);
    expect(cancelled.payload.eventId).toBe(planned.id);
    expect((await bob.client.get<EventBody>(`/events/${planned.id}`)).body.status).toBe(
      'cancelled',
    );
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

    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(201));
    const registered = answers.filter((a) => a.body.status === 'registered').length;
    const waitlisted = answers.filter((a) => a.body.status === 'waitlisted').length;
    console.log(
      `concurrency through the gateway: 100 requests, ${registered} registered, ` +
        `${waitlisted} waitlisted, ${elapsedMs.toFixed(0)} ms`,
    );
    expect([registered, waitlisted]).toEqual([10, 90]);
    const read = await organizer.client.get<EventBody>(`/events/${event.id}`);
    expect(read.body).toMatchObject({ registeredCount: 10, waitlistedCount: 90 });
  });
});
