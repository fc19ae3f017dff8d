import type { Envelope, EventRegistrationData } from '@rendezvous/contracts';
import { COMMON_ERRORS, EVENT_ERRORS, TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import {
  collectMessages,
  icsTextList,
  icsUtc,
  icsValue,
  parseIcs,
  testKafka,
  unescapeIcsText,
  waitFor,
} from '@rendezvous/testing';
import type { EventTestApp, Person, Problem } from './event-test-app';
import { anEvent, startEventApp } from './event-test-app';

interface Registration {
  id: string;
  eventId: string;
  userId: string;
  status: 'registered' | 'waitlisted';
  waitlistPosition?: number;
}

interface EventBody {
  id: string;
  startsAt: string;
  endsAt: string;
  status: string;
  capacity: number;
  registeredCount: number;
  waitlistedCount: number;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('event service: registrations, waitlist, attendees, calendar', () => {
  let t: EventTestApp;
  let published: KafkaCollector;
  let organizer: Person;

  beforeAll(async () => {
    t = await startEventApp();
    published = await collectMessages(testKafka(), [
      TOPICS.EVENT_REGISTRATION_CREATED,
      TOPICS.EVENT_REGISTRATION_CANCELLED,
      TOPICS.EVENT_REGISTRATION_PROMOTED,
    ]);
    organizer = await t.person({ name: 'Organizer' });
  });

  afterAll(async () => {
    await published.stop();
    await t.close();
  });

  const newEvent = async (overrides: Record<string, unknown> = {}) => {
    const response = await t.request<EventBody>('POST', '/events', {
      token: organizer.token,
      body: anEvent(overrides),
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  const register = (eventId: string, who: Person) =>
    t.request<Registration>('POST', `/events/${eventId}/registrations`, { token: who.token });
  const unregister = (eventId: string, who: Person) =>
    t.request<Problem>('DELETE', `/events/${eventId}/registrations/me`, { token: who.token });
  const read = async (eventId: string) =>
    (await t.request<EventBody>('GET', `/events/${eventId}`, { token: organizer.token })).body;
  const statuses = async (eventId: string) =>
    (
      (
        await t.db.query(
          'SELECT user_id, status FROM registrations WHERE event_id = $1 ORDER BY arrival',
          [eventId],
        )
      ).rows as { user_id: string; status: string }[]
    ).map((r) => [r.user_id, r.status]);
  const registrationEvents = (eventId: string) =>
    published.messages
      .map((m) => m.json as Envelope<EventRegistrationData>)
      .filter((e) => e.data.eventId === eventId);

  describe('capacity under concurrency', () => {
    it('seats exactly the capacity of 100 simultaneous registrations and queues the rest in arrival order', async () => {
      const event = await newEvent({ capacity: 10 });
      const people = await Promise.all(Array.from({ length: 100 }, () => t.person()));

      const started = performance.now();
      const answers = await Promise.all(
        people.map(async (person) => {
          const response = await fetch(`${t.baseUrl}/api/v1/events/${event.id}/registrations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${person.token}` },
          });
          return { person, status: response.status, body: (await response.json()) as Registration };
        }),
      );
      const elapsedMs = performance.now() - started;

      expect(answers.map((a) => a.status)).toEqual(Array(100).fill(201));
      const registered = answers.filter((a) => a.body.status === 'registered');
      const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
      console.log(
        `concurrency: 100 requests, ${registered.length} registered, ${waitlisted.length} ` +
          `waitlisted, ${elapsedMs.toFixed(0)} ms`,
      );
      expect(registered).toHaveLength(10);
      expect(waitlisted).toHaveLength(90);
      expect(await read(event.id)).toMatchObject({ registeredCount: 10, waitlistedCount: 90 });

      // Each waiting person was told a distinct place, and the stored queue has that order.
      const byPlace = [...waitlisted].sort(
        (a, b) => (a.body.waitlistPosition ?? 0) - (b.body.waitlistPosition ?? 0),
      );
      expect(byPlace.map((a) => a.body.waitlistPosition)).toEqual(
        Array.from({ length: 90 }, (_, i) => i + 1),
      );
      const stored = await statuses(event.id);
      expect(stored.slice(0, 10).every(([, status]) => status === 'registered')).toBe(true);
      expect(stored.slice(10).map(([userId]) => userId)).toEqual(byPlace.map((a) => a.person.id));

      // Seats freed one by one go to the waiting people in that order.
      for (const leaving of registered.slice(0, 3)) {
        expect((await unregister(event.id, leaving.person)).status).toBe(204);
      }
      const promotedIds = (await statuses(event.id))
        .filter(
          ([userId, status]) =>
            status === 'registered' && byPlace.slice(0, 3).some((a) => a.person.id === userId),
        )
        .map(([userId]) => userId);
      expect(promotedIds.sort()).toEqual(
        byPlace
          .slice(0, 3)
          .map((a) => a.person.id)
          .sort(),
      );
      expect(await read(event.id)).toMatchObject({ registeredCount: 10, waitlistedCount: 87 });
    });

    it('has the database refuse more registered people than the capacity', async () => {
      const event = await newEvent({ capacity: 1 });
      await register(event.id, await t.person());
      await expect(
        t.db.query(
          `INSERT INTO registrations (id, event_id, user_id, status)
           VALUES (gen_random_uuid(), $1, gen_random_uuid(), 'registered')`,
          [event.id],
        ),
      ).rejects.toThrow(/events_within_capacity/);
    });
  });

  describe('registering', () => {
    it('refuses a second registration, the organizer, and cancelled or started events with 409', async () => {
      const event = await newEvent({ capacity: 1 });
      const ada = await t.person();
      const bob = await t.person();
      expect((await register(event.id, ada)).body.status).toBe('registered');
      const twice = await register(event.id, ada);
      expect(twice.status).toBe(409);
      expect((twice.body as unknown as Problem).code).toBe(EVENT_ERRORS.ALREADY_REGISTERED);
      expect((await register(event.id, bob)).body.status).toBe('waitlisted');
      const waitingTwice = await register(event.id, bob);
      expect(waitingTwice.status).toBe(409);

      const own = await register(event.id, organizer);
      expect(own.status).toBe(409);
      expect((own.body as unknown as Problem).code).toBe(EVENT_ERRORS.ORGANIZER_CANNOT_REGISTER);

      const cancelled = await newEvent();
      await t.request('DELETE', `/events/${cancelled.id}`, { token: organizer.token });
      const toCancelled = await register(cancelled.id, ada);
      expect(toCancelled.status).toBe(409);
      expect((toCancelled.body as unknown as Problem).code).toBe(EVENT_ERRORS.EVENT_CANCELLED);

      const past = await newEvent();
      await t.db.query(
        `UPDATE events SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour'
         WHERE id = $1`,
        [past.id],
      );
      const toPast = await register(past.id, ada);
      expect(toPast.status).toBe(409);
      expect((toPast.body as unknown as Problem).code).toBe(EVENT_ERRORS.EVENT_STARTED);

      const unknown = await register(ada.id, bob);
      expect(unknown.status).toBe(404);
    });

    it('promotes the first waiting person when a registered one cancels, and publishes it', async () => {
      const event = await newEvent({ capacity: 1 });
      const [ada, bob, carol] = [await t.person(), await t.person(), await t.person()];
      await register(event.id, ada);
      await register(event.id, bob);
      const third = await register(event.id, carol);
      expect(third.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });

      expect((await unregister(event.id, ada)).status).toBe(204);
      expect(await statuses(event.id)).toEqual([
        [ada.id, 'cancelled'],
        [bob.id, 'registered'],
        [carol.id, 'waitlisted'],
      ]);

      // Leaving the waitlist promotes nobody; coming back is a new arrival, at the back.
      expect((await unregister(event.id, carol)).status).toBe(204);
      expect((await register(event.id, ada)).body).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 1,
      });
      expect((await unregister(event.id, carol)).status).toBe(404);

      const mine = await waitFor(
        () => {
          const found = registrationEvents(event.id);
          return found.length >= 7 ? found : undefined;
        },
        { message: 'seven registration events' },
      );
      // Topics are not ordered among each other: per registration, versions give the order.
      const history = (person: Person) =>
        mine
          .filter((e) => e.data.userId === person.id)
          .sort((a, b) => a.aggregateVersion - b.aggregateVersion)
          .map((e) => [e.type, e.data.status, e.aggregateVersion]);
      expect(history(ada)).toEqual([
        [TOPICS.EVENT_REGISTRATION_CREATED, 'registered', 1],
        [TOPICS.EVENT_REGISTRATION_CANCELLED, 'cancelled', 2],
        [TOPICS.EVENT_REGISTRATION_CREATED, 'waitlisted', 3],
      ]);
      expect(history(bob)).toEqual([
        [TOPICS.EVENT_REGISTRATION_CREATED, 'waitlisted', 1],
        [TOPICS.EVENT_REGISTRATION_PROMOTED, 'registered', 2],
      ]);
      expect(history(carol)).toEqual([
        [TOPICS.EVENT_REGISTRATION_CREATED, 'waitlisted', 1],
        [TOPICS.EVENT_REGISTRATION_CANCELLED, 'cancelled', 2],
      ]);
      const promoted = mine.find((e) => e.type === TOPICS.EVENT_REGISTRATION_PROMOTED);
      expect(promoted?.recipientIds).toEqual([bob.id]);
      expect(promoted?.data).toEqual({
        registrationId: expect.any(String),
        eventId: event.id,
        organizerId: organizer.id,
        userId: bob.id,
        status: 'registered',
        eventStartsAt: event.startsAt,
        eventEndsAt: event.endsAt,
      });
      expect(
        mine
          .filter((e) => e.type !== TOPICS.EVENT_REGISTRATION_PROMOTED)
          .every((e) => e.recipientIds === undefined),
      ).toBe(true);
      // Ada's registration keeps its id (the key) through cancelling and coming back.
      const adas = mine.filter((e) => e.data.userId === ada.id);
      expect(new Set(adas.map((e) => e.aggregateId))).toEqual(
        new Set([adas[0].data.registrationId]),
      );
    });

    it('promotes as many waiting people as a raised capacity allows, and refuses to go below those registered', async () => {
      const event = await newEvent({ capacity: 1 });
      const people = [await t.person(), await t.person(), await t.person(), await t.person()];
      for (const person of people) await register(event.id, person);
      const raised = await t.request<EventBody>('PATCH', `/events/${event.id}`, {
        token: organizer.token,
        body: { capacity: 3 },
      });
      expect(raised.body).toMatchObject({ capacity: 3, registeredCount: 3, waitlistedCount: 1 });
      expect((await statuses(event.id)).map(([, status]) => status)).toEqual([
        'registered',
        'registered',
        'registered',
        'waitlisted',
      ]);
      const lowered = await t.request<Problem>('PATCH', `/events/${event.id}`, {
        token: organizer.token,
        body: { capacity: 2 },
      });
      expect(lowered.status).toBe(409);
      expect(lowered.body.code).toBe(EVENT_ERRORS.CAPACITY_BELOW_REGISTERED);
    });

    it('refuses a person the service knows to be deleted with 401, on reads too', async () => {
      const event = await newEvent();
      const gone = await t.person();
      await t.deliver(
        TOPICS.USER_DELETED,
        { userId: gone.id, deletedAt: new Date().toISOString() },
        gone.id,
        2,
      );
      const response = await register(event.id, gone);
      expect(response.status).toBe(401);
      expect((response.body as unknown as Problem).code).toBe(COMMON_ERRORS.UNAUTHORIZED);
      // Reads too, not only changes: every route checks the tombstone.
      const list = await t.request<Problem>('GET', '/events', { token: gone.token });
      expect([list.status, list.body.code]).toEqual([401, COMMON_ERRORS.UNAUTHORIZED]);
    });
  });

  describe('attendees', () => {
    it('shows registered people’s public profiles to the organizer and registered people only', async () => {
      const event = await newEvent({ capacity: 2 });
      const [ada, bob, carol, stranger] = [
        await t.person({ name: 'Ada' }),
        await t.person({ name: 'Bob' }),
        await t.person({ name: 'Carol' }),
        await t.person(),
      ];
      const unknownToService = await t.person({ known: false });
      await register(event.id, ada);
      await register(event.id, bob);
      await register(event.id, carol);

      const forOrganizer = await t.request<Page<Record<string, unknown>>>(
        'GET',
        `/events/${event.id}/attendees`,
        { token: organizer.token },
      );
      expect(forOrganizer.status).toBe(200);
      expect(forOrganizer.body.items.map((p) => p.name)).toEqual(['Ada', 'Bob']);
      expect(forOrganizer.body.items[0]).toEqual({
        id: ada.id,
        name: 'Ada',
        headline: "Ada's headline",
        bio: null,
        industry: 'Software',
        jobLevel: 'senior',
        company: null,
        interests: ['rust'],
        skills: [],
        languages: ['en'],
        city: 'Paris',
      });
      const page = await t.request<Page<{ id: string }>>(
        'GET',
        `/events/${event.id}/attendees?limit=1`,
        { token: bob.token },
      );
      expect(page.body.items.map((p) => p.id)).toEqual([ada.id]);
      const next = await t.request<Page<{ id: string }>>(
        'GET',
        `/events/${event.id}/attendees?limit=1&cursor=${page.body.nextCursor}`,
        { token: bob.token },
      );
      expect(next.body.items.map((p) => p.id)).toEqual([bob.id]);
      expect(next.body.nextCursor).toBeNull();

      for (const outsider of [carol, stranger, unknownToService]) {
        const refused = await t.request<Problem>('GET', `/events/${event.id}/attendees`, {
          token: outsider.token,
        });
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe(EVENT_ERRORS.NOT_ATTENDEE);
      }
      const unknownEvent = await t.request('GET', `/events/${ada.id}/attendees`, {
        token: ada.token,
      });
      expect(unknownEvent.status).toBe(404);
    });

    it('shows a newly known person once their profile arrives, with the newest version only', async () => {
      const event = await newEvent();
      const late = await t.person({ known: false });
      await register(event.id, late);
      const names = async () =>
        (
          await t.request<Page<{ name: string }>>('GET', `/events/${event.id}/attendees`, {
            token: organizer.token,
          })
        ).body.items.map((p) => p.name);
      expect(await names()).toEqual([]);
      await t.deliver(TOPICS.USER_UPDATED, t.userState(late.id, 'Newer'), late.id, 3);
      await t.deliver(TOPICS.USER_CREATED, t.userState(late.id, 'Older'), late.id, 1);
      expect(await names()).toEqual(['Newer']);
    });
  });

  describe('calendar', () => {
    it('serves an RFC 5545 entry to the organizer and registered people that parses back', async () => {
      const event = await newEvent({
        title: 'Rust, Go; and a very long title that will surely need folding across lines 🎉',
        description: 'First line\nSecond line, with a comma',
        location: { name: 'Station F; Hall 1', lat: 48.834312, lng: 2.371345 },
        tags: ['rust', 'go'],
        capacity: 1,
      });
      const [ada, bob] = [await t.person(), await t.person()];
      await register(event.id, ada);
      await register(event.id, bob);

      for (const who of [organizer, ada]) {
        const response = await t.request('GET', `/events/${event.id}/calendar.ics`, {
          token: who.token,
        });
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
        const calendar = parseIcs(response.text);
        expect(calendar.name).toBe('VCALENDAR');
        expect(icsValue(calendar, 'VERSION')).toBe('2.0');
        const [vevent] = calendar.components;
        expect(vevent.name).toBe('VEVENT');
        expect(icsValue(vevent, 'UID')).toBe(`${event.id}@rendezvous`);
        expect(icsValue(vevent, 'DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
        expect(icsUtc(icsValue(vevent, 'DTSTART')).toISOString()).toBe(
          new Date(event.startsAt).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
        );
        expect(icsUtc(icsValue(vevent, 'DTEND')).getTime()).toBe(
          Math.floor(new Date(event.endsAt).getTime() / 1000) * 1000,
        );
        expect(unescapeIcsText(icsValue(vevent, 'SUMMARY') ?? '')).toBe(
          'Rust, Go; and a very long title that will surely need folding across lines 🎉',
        );
        expect(unescapeIcsText(icsValue(vevent, 'DESCRIPTION') ?? '')).toBe(
          'First line\nSecond line, with a comma',
        );
        expect(unescapeIcsText(icsValue(vevent, 'LOCATION') ?? '')).toBe('Station F; Hall 1');
        expect(icsValue(vevent, 'GEO')).toBe('48.834312;2.371345');
        expect(icsTextList(icsValue(vevent, 'CATEGORIES') ?? '')).toEqual([
          'networking',
          'rust',
          'go',
        ]);
        expect(icsValue(vevent, 'STATUS')).toBe('CONFIRMED');
      }

      const waiting = await t.request<Problem>('GET', `/events/${event.id}/calendar.ics`, {
        token: bob.token,
      });
      expect(waiting.status).toBe(403);

      await t.request('DELETE', `/events/${event.id}`, { token: organizer.token });
      const cancelled = await t.request('GET', `/events/${event.id}/calendar.ics`, {
        token: ada.token,
      });
      const [vevent] = parseIcs(cancelled.text).components;
      expect(icsValue(vevent, 'STATUS')).toBe('CANCELLED');
      expect(icsValue(vevent, 'SEQUENCE')).toBe('1');
    });
  });
});
