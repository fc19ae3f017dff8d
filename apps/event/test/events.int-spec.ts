import type { Envelope, EventStateData } from '@rendezvous/contracts';
import { COMMON_ERRORS, EVENT_ERRORS, TOPICS } from '@rendezvous/contracts';
import { EnvelopeValidator } from '@rendezvous/platform';
import type { KafkaCollector } from '@rendezvous/testing';
import { collectMessages, testKafka, waitFor } from '@rendezvous/testing';
import type { EventTestApp, Person, Problem } from './event-test-app';
import { anEvent, startEventApp } from './event-test-app';

interface EventBody {
  id: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  startsAt: string;
  endsAt: string;
  location: { name: string; lat: number; lng: number };
  capacity: number;
  organizerId: string;
  status: string;
  registeredCount: number;
  waitlistedCount: number;
  distanceKm?: number;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const at = (days: number, hours = 0) =>
  new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

describe('event service: events', () => {
  let t: EventTestApp;
  let events: KafkaCollector;
  let ada: Person;
  let bob: Person;

  beforeAll(async () => {
    t = await startEventApp();
    events = await collectMessages(testKafka(), [
      TOPICS.EVENT_CREATED,
      TOPICS.EVENT_UPDATED,
      TOPICS.EVENT_CANCELLED,
    ]);
    ada = await t.person({ name: 'Ada' });
    bob = await t.person({ name: 'Bob' });
  });

  afterAll(async () => {
    await events.stop();
    await t.close();
  });

  const create = (body: Record<string, unknown>, who: Person = ada) =>
    t.request<EventBody>('POST', '/events', { token: who.token, body });

  // Each type has its own topic, so arrival order across them is not publication order.
  const eventsOf = (aggregateId: string) =>
    events.messages
      .map((m) => m.json as Envelope<EventStateData>)
      .filter((e) => e.aggregateId === aggregateId)
      .sort((a, b) => a.aggregateVersion - b.aggregateVersion);

  describe('create and read', () => {
    it('creates an event with the caller as organizer and reads it back', async () => {
      const body = anEvent({ tags: [' rust ', 'Rust', 'go'] });
      const created = await create(body);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        title: body.title,
        description: body.description,
        category: 'networking',
        tags: ['rust', 'go'],
        startsAt: new Date(body.startsAt as string).toISOString(),
        endsAt: new Date(body.endsAt as string).toISOString(),
        location: body.location,
        capacity: 50,
        organizerId: ada.id,
        status: 'scheduled',
        registeredCount: 0,
        waitlistedCount: 0,
      });
      const read = await t.request<EventBody>('GET', `/events/${created.body.id}`, {
        token: bob.token,
      });
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
    });

    it('accepts the optional fields left out and times with an offset', async () => {
      const created = await create({
        ...anEvent({ startsAt: '2031-03-01T19:00:00+01:00', endsAt: '2031-03-01T21:00:00+01:00' }),
        description: undefined,
        tags: undefined,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        description: '',
        tags: [],
        startsAt: '2031-03-01T18:00:00.000Z',
        endsAt: '2031-03-01T20:00:00.000Z',
      });
    });

    it('answers 404 for an unknown event, 400 for a malformed id and 401 without a token', async () => {
      const unknown = await t.request<Problem>('GET', `/events/${ada.id}`, { token: ada.token });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe(EVENT_ERRORS.EVENT_NOT_FOUND);
      const malformed = await t.request<Problem>('GET', '/events/not-an-id', { token: ada.token });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors?.map((e) => e.path)).toEqual(['id']);
      const anonymous = await t.request<Problem>('GET', '/events');
      expect(anonymous.status).toBe(401);
    });
  });

  describe('validation', () => {
    const inThreeDays = at(3);
    const cases: [string, Record<string, unknown>, string][] = [
      ['a title under 3 characters', { title: 'ab' }, 'title'],
      ['a title of only spaces', { title: '     ' }, 'title'],
      ['a title over 140 characters', { title: 'x'.repeat(141) }, 'title'],
      ['a description over 5000 characters', { description: 'x'.repeat(5001) }, 'description'],
      ['a category outside the list', { category: 'party' }, 'category'],
      ['more than 10 tags', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags'],
      ['a tag over 30 characters', { tags: ['x'.repeat(31)] }, 'tags'],
      ['a capacity of 0', { capacity: 0 }, 'capacity'],
      ['a capacity over 10000', { capacity: 10_001 }, 'capacity'],
      ['a fractional capacity', { capacity: 2.5 }, 'capacity'],
      ['a start in the past', { startsAt: at(-1) }, 'startsAt'],
      ['a start without a time zone', { startsAt: '2031-01-01T10:00:00' }, 'startsAt'],
      ['an end before the start', { startsAt: at(3), endsAt: at(2) }, 'endsAt'],
      ['an end equal to the start', { startsAt: inThreeDays, endsAt: inThreeDays }, 'endsAt'],
      ['a latitude over 90', { location: { name: 'North', lat: 90.5, lng: 0 } }, 'location.lat'],
      ['a longitude under -180', { location: { name: 'W', lat: 0, lng: -180.5 } }, 'location.lng'],
      ['a location without a name', { location: { lat: 1, lng: 1 } }, 'location.name'],
      ['a location that is not an object', { location: 'Paris' }, 'location'],
      ['a missing title', { title: undefined }, 'title'],
      ['an unknown field', { price: 10 }, 'price'],
      [
        'an unknown location field',
        { location: { name: 'A', lat: 1, lng: 1, alt: 3 } },
        'location.alt',
      ],
    ];

    it.each(cases)('refuses %s, naming the field', async (_, overrides, path) => {
      const response = await create(anEvent(overrides));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.body as unknown as Problem;
      expect(problem.code).toBe(COMMON_ERRORS.VALIDATION_FAILED);
      expect(problem.errors?.map((e) => e.path)).toEqual([path]);
    });

    it('names every bad field of one request, once each', async () => {
      const response = await create(
        anEvent({ title: 'x', category: 'rave', capacity: -1, startsAt: at(-2), endsAt: at(-3) }),
      );
      const paths = (response.body as unknown as Problem).errors?.map((e) => e.path).sort();
      expect(paths).toEqual(['capacity', 'category', 'endsAt', 'startsAt', 'title']);
    });

    it('refuses malformed JSON with 400', async () => {
      const response = await t.request<Problem>('POST', '/events', {
        token: ada.token,
        rawBody: '{"title": ',
      });
      expect(response.status).toBe(400);
    });
  });

  describe('changes by the organizer only', () => {
    it('lets the organizer patch and refuses anyone else with 403', async () => {
      const { body: event } = await create(anEvent());
      const foreign = await t.request<Problem>('PATCH', `/events/${event.id}`, {
        token: bob.token,
        body: { title: 'Hijacked' },
      });
      expect(foreign.status).toBe(403);
      expect(foreign.body.code).toBe(EVENT_ERRORS.NOT_ORGANIZER);
      const foreignDelete = await t.request<Problem>('DELETE', `/events/${event.id}`, {
        token: bob.token,
      });
      expect(foreignDelete.status).toBe(403);

      const patched = await t.request<EventBody>('PATCH', `/events/${event.id}`, {
        token: ada.token,
        body: { title: '  Rust night, v2 ', tags: null, description: null, capacity: 60 },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        title: 'Rust night, v2',
        tags: [],
        description: '',
        capacity: 60,
        category: 'networking',
      });
      const read = await t.request<EventBody>('GET', `/events/${event.id}`, { token: bob.token });
      expect(read.body.title).toBe('Rust night, v2');
    });

    it('validates a patch against the stored schedule, naming the field sent', async () => {
      const { body: event } = await create(anEvent({ startsAt: at(5), endsAt: at(5, 2) }));
      const startAfterEnd = await t.request<Problem>('PATCH', `/events/${event.id}`, {
        token: ada.token,
        body: { startsAt: at(6) },
      });
      expect(startAfterEnd.status).toBe(400);
      expect(startAfterEnd.body.errors?.map((e) => e.path)).toEqual(['startsAt']);
      const endBeforeStart = await t.request<Problem>('PATCH', `/events/${event.id}`, {
        token: ada.token,
        body: { endsAt: at(4) },
      });
      expect(endBeforeStart.body.errors?.map((e) => e.path)).toEqual(['endsAt']);
      const nullTitle = await t.request<Problem>('PATCH', `/events/${event.id}`, {
        token: ada.token,
        body: { title: null, capacity: 0 },
      });
      expect(nullTitle.body.errors?.map((e) => e.path).sort()).toEqual(['capacity', 'title']);
      const schedule = { startsAt: at(6), endsAt: at(6, 3) };
      const moved = await t.request<EventBody>('PATCH', `/events/${event.id}`, {
        token: ada.token,
        body: schedule,
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject(schedule);
    });

    it('cancels with DELETE: still readable, out of the lists, no further changes', async () => {
      const startsAt = at(40);
      const { body: event } = await create(
        anEvent({ startsAt, endsAt: at(40, 1), category: 'study' }),
      );
      const window = `from=${encodeURIComponent(at(39))}&to=${encodeURIComponent(at(41))}&category=study`;
      const before = await t.request<Page<EventBody>>('GET', `/events?${window}`, {
        token: bob.token,
      });
      expect(before.body.items.map((e) => e.id)).toContain(event.id);

      const cancelled = await t.request('DELETE', `/events/${event.id}`, { token: ada.token });
      expect(cancelled.status).toBe(204);
      const read = await t.request<EventBody>('GET', `/events/${event.id}`, { token: bob.token });
      expect(read.body.status).toBe('cancelled');
      const after = await t.request<Page<EventBody>>('GET', `/events?${window}`, {
        token: bob.token,
      });
      expect(after.body.items.map((e) => e.id)).not.toContain(event.id);

      const again = await t.request('DELETE', `/events/${event.id}`, { token: ada.token });
      expect(again.status).toBe(204);
      const patch = await t.request<Problem>('PATCH', `/events/${event.id}`, {
        token: ada.token,
        body: { title: 'Back on' },
      });
      expect(patch.status).toBe(409);
      expect(patch.body.code).toBe(EVENT_ERRORS.EVENT_CANCELLED);
    });
  });

  describe('lists', () => {
    it('lists scheduled events soonest first within from/to, by category, paged by cursor', async () => {
      const base = Date.now() + (100 + Math.floor(Math.random() * 1000)) * 86_400_000;
      const hour = (hours: number) => new Date(base + hours * 3_600_000).toISOString();
      const made: EventBody[] = [];
      for (const [hours, category] of [
        [5, 'talk'],
        [1, 'talk'],
        [3, 'workshop'],
        [2, 'talk'],
      ] as const) {
        const response = await create(
          anEvent({ startsAt: hour(hours), endsAt: hour(hours + 1), category }),
        );
        made.push(response.body);
      }
      const window = `from=${encodeURIComponent(hour(0))}&to=${encodeURIComponent(hour(6))}`;
      const all = await t.request<Page<EventBody>>('GET', `/events?${window}`, {
        token: bob.token,
      });
      expect(all.body.items.map((e) => e.id)).toEqual([
        made[1].id,
        made[3].id,
        made[2].id,
        made[0].id,
      ]);

      const talks = await t.request<Page<EventBody>>('GET', `/events?${window}&category=talk`, {
        token: bob.token,
      });
      expect(talks.body.items.map((e) => e.id)).toEqual([made[1].id, made[3].id, made[0].id]);

      const first = await t.request<Page<EventBody>>('GET', `/events?${window}&limit=3`, {
        token: bob.token,
      });
      expect(first.body.items).toHaveLength(3);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await t.request<Page<EventBody>>(
        'GET',
        `/events?${window}&limit=3&cursor=${first.body.nextCursor}`,
        { token: bob.token },
      );
      expect(second.body.items.map((e) => e.id)).toEqual([made[0].id]);
      expect(second.body.nextCursor).toBeNull();

      const narrow = await t.request<Page<EventBody>>(
        'GET',
        `/events?from=${encodeURIComponent(hour(2))}&to=${encodeURIComponent(hour(3))}`,
        { token: bob.token },
      );
      expect(narrow.body.items.map((e) => e.id)).toEqual([made[3].id, made[2].id]);
    });

    it('lists upcoming events only by default', async () => {
      const { body: event } = await create(anEvent({ startsAt: at(0, 1), endsAt: at(0, 3) }));
      await t.db.query(`UPDATE events SET starts_at = now() - interval '1 hour' WHERE id = $1`, [
        event.id,
      ]);
      const list = await t.request<Page<EventBody>>('GET', '/events?limit=100', {
        token: bob.token,
      });
      expect(list.body.items.map((e) => e.id)).not.toContain(event.id);
      expect(list.body.items.every((e) => e.startsAt > new Date().toISOString())).toBe(true);
    });

    it('finds events within radiusKm of near, with their distance', async () => {
      // A spot in the South Pacific where no other test puts events.
      const lat = -40 - Math.random() * 5;
      const lng = -130 - Math.random() * 5;
      const place = (km: number) => ({
        name: `${km} km east`,
        lat,
        lng: lng + km / (111.195 * Math.cos((lat * Math.PI) / 180)),
      });
      const near = await create(anEvent({ location: place(2) }));
      const middle = await create(
        anEvent({ location: place(9), startsAt: at(1, 1), endsAt: at(1, 2) }),
      );
      const far = await create(anEvent({ location: place(30) }));
      const search = (query: string) =>
        t.request<Page<EventBody>>('GET', `/events?near=${lat},${lng}&${query}`, {
          token: bob.token,
        });

      const within10 = await search('radiusKm=10&limit=100');
      expect(within10.status).toBe(200);
      expect(within10.body.items.map((e) => e.id).sort()).toEqual(
        [near.body.id, middle.body.id].sort(),
      );
      const distances = Object.fromEntries(within10.body.items.map((e) => [e.id, e.distanceKm]));
      expect(distances[near.body.id]).toBeCloseTo(2, 1);
      expect(distances[middle.body.id]).toBeCloseTo(9, 1);

      const within5 = await search('radiusKm=5');
      expect(within5.body.items.map((e) => e.id)).toEqual([near.body.id]);
      const byDefault = await search('limit=100');
      expect(byDefault.body.items.map((e) => e.id)).toContain(far.body.id);
    });

    it('finds events whose title contains q, case-insensitively', async () => {
      const word = `Zyx${Math.random().toString(36).slice(2, 8)}`;
      const inTitle = await create(anEvent({ title: `Evening of ${word.toUpperCase()} talks` }));
      const elsewhere = await create(anEvent({ description: word }));
      const found = await t.request<Page<EventBody>>(
        'GET',
        `/events?q=${encodeURIComponent(word.toLowerCase())}&limit=100`,
        { token: bob.token },
      );
      expect(found.status).toBe(200);
      expect(found.body.items.map((e) => e.id)).toEqual([inTitle.body.id]);
      expect(found.body.items.map((e) => e.id)).not.toContain(elsewhere.body.id);
      const wildcard = await t.request<Page<EventBody>>(
        'GET',
        `/events?q=${encodeURIComponent('%')}`,
        {
          token: bob.token,
        },
      );
      expect(wildcard.body.items).toEqual([]);
    });

    it('refuses bad filters, naming each', async () => {
      const cases: [string, string][] = [
        ['near=48.8', 'near'],
        ['near=91,2', 'near'],
        ['radiusKm=5', 'radiusKm'],
        ['near=1,1&radiusKm=0', 'radiusKm'],
        ['near=1,1&radiusKm=abc', 'radiusKm'],
        ['from=yesterday', 'from'],
        [`from=${encodeURIComponent(at(3))}&to=${encodeURIComponent(at(2))}`, 'to'],
        ['category=party', 'category'],
        [`q=${'x'.repeat(141)}`, 'q'],
        ['limit=101', 'limit'],
        ['cursor=garbage', 'cursor'],
        [`cursor=${Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url')}`, 'cursor'],
        ['sort=title', 'sort'],
      ];
      for (const [query, path] of cases) {
        const response = await t.request<Problem>('GET', `/events?${query}`, { token: bob.token });
        expect({
          query,
          status: response.status,
          paths: response.body.errors?.map((e) => e.path),
        }).toEqual({
          query,
          status: 400,
          paths: [path],
        });
      }
    });
  });

  describe('events through the outbox', () => {
    it('publishes created, updated and cancelled with the whole state and rising versions', async () => {
      const { body: event } = await create(anEvent({ capacity: 5 }));
      const carol = await t.person();
      await t.request('POST', `/events/${event.id}/registrations`, { token: bob.token });
      await t.request('PATCH', `/events/${event.id}`, { token: ada.token, body: { capacity: 6 } });
      await t.request('POST', `/events/${event.id}/registrations`, { token: carol.token });
      await t.request('DELETE', `/events/${event.id}`, { token: ada.token });

      const published = await waitFor(
        () => (eventsOf(event.id).length >= 3 ? eventsOf(event.id) : undefined),
        {
          message: 'three events of the event',
        },
      );
      expect(published.map((e) => [e.type, e.aggregateVersion])).toEqual([
        [TOPICS.EVENT_CREATED, 1],
        [TOPICS.EVENT_UPDATED, 2],
        [TOPICS.EVENT_CANCELLED, 3],
      ]);
      expect(published[0].data).toEqual({
        eventId: event.id,
        organizerId: ada.id,
        title: event.title,
        description: event.description,
        category: event.category,
        tags: event.tags,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        location: event.location,
        capacity: 5,
        status: 'scheduled',
      });
      expect(published[0].recipientIds).toBeUndefined();
      expect(published[1].data.capacity).toBe(6);
      expect(published[2].data.status).toBe('cancelled');
      expect(published[2].recipientIds).toEqual([bob.id, carol.id]);
      const validator = new EnvelopeValidator();
      for (const message of events.messages.filter((m) =>
        published.some((e) => e.id === (m.json as Envelope).id),
      )) {
        expect(() => validator.parse(message.topic, message.message.value)).not.toThrow();
        expect(message.message.key?.toString()).toBe(event.id);
      }
    });
  });
});
