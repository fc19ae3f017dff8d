import { randomUUID } from 'node:crypto';
import { locationCell } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import type { Person } from './support/api-client';
import type { components } from '@rendezvous/api-client';
import { signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';
import { expectData, expectProblem } from './support/typed-api';

type DiscoveryItem = components['schemas']['DiscoveryItem'];
type SwipeAction = components['schemas']['CreateSwipeDto']['action'];

// Every test meets in its own spot on the map, so other tests' people stay out of its way.
// People live at the centres of their cells, so others see the distances set up here.
function somewhere() {
  return locationCell({ lat: -50 + Math.random() * 100, lng: -160 + Math.random() * 320 });
}
function kmNorthOf(place: { lat: number; lng: number }, km: number) {
  return locationCell({ lat: place.lat + km / 111.195, lng: place.lng });
}

async function withProfile(
  person: Person,
  profile: components['schemas']['UpdateProfileDto'],
): Promise<Person> {
  expectData(await person.api.PATCH('/api/v1/users/me', { body: profile }), 200);
  return person;
}

const discover = async (person: Person) =>
  expectData(
    await person.api.GET('/api/v1/matching/discover', { params: { query: { limit: 100 } } }),
    200,
  ).items;
const matchesOf = async (person: Person) =>
  expectData(await person.api.GET('/api/v1/matching/matches'), 200).items;

/** Waits until matching has everyone's location (events take up to ~2 s to arrive). */
async function discoverable(viewer: Person, people: Person[]): Promise<DiscoveryItem[]> {
  return waitFor(
    async () => {
      const items = await discover(viewer);
      // Located: their profile update has arrived, not only their sign-up.
      const located = items.filter((item) => item.distanceKm !== null).map((i) => i.userId);
      return people.every((p) => located.includes(p.id)) && items;
    },
    { timeoutMs: 10_000, message: 'matching to learn of the new people' },
  );
}

const swipe = (person: Person, target: string, action: SwipeAction) =>
  person.api.POST('/api/v1/matching/swipes', { body: { targetUserId: target, action } });

/**
 * Signs people up (a few at a time, as real sign-ups arrive) and waits until matching knows
 * each of them: a throwaway probe's pass on them stops being a 404.
 */
async function signUpKnown(count: number, name: string): Promise<Person[]> {
  const people: Person[] = [];
  while (people.length < count) {
    const batch = Math.min(10, count - people.length);
    people.push(...(await Promise.all(Array.from({ length: batch }, () => signUp(name)))));
  }
  const probe = await signUp('Probe');
  await Promise.all(
    people.map((p) =>
      waitFor(async () => (await swipe(probe, p.id, 'pass')).response.status === 201, {
        timeoutMs: 10_000,
        message: 'matching to learn of the new people',
      }),
    ),
  );
  return people;
}

describe('matching through the gateway', () => {
  const sockets: RealtimeClient[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  it('ranks discovery by compatibility, explains it and applies filters both ways', async () => {
    const here = somewhere();
    const viewer = await withProfile(await signUp('Viewer'), {
      location: { ...here, city: 'Here' },
      interests: ['AI', 'Jazz'],
      industry: 'Software',
      birthDate: '1990-04-01',
    });
    const best = await withProfile(await signUp('Best'), {
      location: { ...kmNorthOf(here, 1), city: 'Here' },
      interests: ['ai', 'jazz'],
      industry: 'software',
      headline: 'Builds things',
    });
    const good = await withProfile(await signUp('Good'), {
      location: { ...kmNorthOf(here, 3), city: 'Here' },
      interests: ['ai', 'chess'],
    });
    const plain = await withProfile(await signUp('Plain'), {
      location: { ...kmNorthOf(here, 20), city: 'Here' },
    });
    const far = await withProfile(await signUp('Far'), {
      location: { ...kmNorthOf(here, 80), city: 'Far' },
      interests: ['ai', 'jazz'],
    });
    const picky = await withProfile(await signUp('Picky'), {
      location: { ...kmNorthOf(here, 2), city: 'Here' },
    });
    const preferences = await picky.api.PUT('/api/v1/users/me/preferences', {
      // The other fields take their documented defaults.
      body: { ageMin: 50, ageMax: 60 },
    });
    expectData(preferences, 200);

    // Wait for the picky person's preferences too: until they arrive, picky ranks third.
    await discoverable(viewer, [best, good, plain]);
    const items = await waitFor(
      async () => {
        const seen = await discover(viewer);
        return !seen.some((i) => i.userId === picky.id) && seen;
      },
      {
        message:
          "the picky person's age range to hide the viewer from them, and them from the viewer",
      },
    );
    const ids = items.map((item) => item.userId);
    expect(ids.slice(0, 3)).toEqual([best.id, good.id, plain.id]);
    expect(ids).not.toContain(viewer.id);
    expect(ids).not.toContain(far.id);
    expect((await discover(picky)).map((i) => i.userId)).not.toContain(viewer.id);
    const top = items[0];
    expect(top).toEqual({
      userId: best.id,
      name: 'Best',
      headline: 'Builds things',
      score: expect.any(Number),
      factors: {
        profile: expect.any(Number),
        interests: 1,
        location: expect.any(Number),
        industry: 1,
        activity: expect.any(Number),
      },
      sharedInterests: ['ai', 'jazz'],
      distanceKm: 1,
    });
    expect(top.score).toBeGreaterThan(items[1].score);
  });

  it('pages discovery with a cursor, without repeats', async () => {
    const here = somewhere();
    const viewer = await withProfile(await signUp('Pager'), { location: { ...here, city: null } });
    const others = await Promise.all(
      [1, 2, 3].map(async (km) =>
        withProfile(await signUp('Paged'), { location: { ...kmNorthOf(here, km), city: null } }),
      ),
    );
    await discoverable(viewer, others);
    const first = expectData(
      await viewer.api.GET('/api/v1/matching/discover', { params: { query: { limit: 2 } } }),
      200,
    );
    expect(first.items.map((i) => i.userId)).toEqual([others[0].id, others[1].id]);
    const second = await viewer.api.GET('/api/v1/matching/discover', {
      params: { query: { limit: 2, cursor: String(first.nextCursor) } },
    });
    expect(expectData(second, 200).items[0].userId).toBe(others[2].id);
    expect((await viewer.client.get('/matching/discover?limit=101')).body).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ path: 'limit' })],
    });
    expect((await viewer.client.get('/matching/discover?cursor=bogus')).status).toBe(400);
    expect((await viewer.client.get('/matching/discover?eventId=nope')).body).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ path: 'eventId' })],
    });
  });

  it('matches a mutual like once and tells both people in real time', async () => {
    const [ada, bob] = await signUpKnown(2, 'Mutual');
    const adaSocket = await connectRealtime(ada.token);
    const bobSocket = await connectRealtime(bob.token);
    sockets.push(adaSocket, bobSocket);

    expect(expectData(await swipe(ada, bob.id, 'like'), 201)).toEqual({ matched: false });
    const second = expectData(await swipe(bob, ada.id, 'super_like'), 201);
    expect(second).toEqual({
      matched: true,
      match: {
        id: expect.any(String),
        userId: ada.id,
        score: expect.any(Number),
        status: 'active',
        sharedInterests: [],
        createdAt: expect.any(String),
      },
    });
    const matchId = second.match?.id;

    const toAda = await adaSocket.next('match.created', (p) => p.matchId === matchId);
    const toBob = await bobSocket.next('match.created', (p) => p.matchId === matchId);
    expect(toAda.payload).toEqual({
      matchId,
      partnerId: bob.id,
      score: second.match?.score,
      sharedInterests: [],
      notificationId: expect.any(String),
      occurredAt: expect.any(String),
    });
    expect(toBob.payload).toMatchObject({ matchId, partnerId: ada.id });

    for (const person of [ada, bob]) {
      const list = await matchesOf(person);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ id: matchId, status: 'active' });
    }
    expect((await matchesOf(ada))[0].userId).toBe(bob.id);
    // Already-swiped people vanish from discovery.
    const ids = (await discover(ada)).map((i) => i.userId);
    expect(ids).not.toContain(bob.id);
  });

  it('makes exactly 50 matches from 50 pairs liking each other at the same instant', async () => {
    const people = await signUpKnown(100, 'Crowd');
    const pairs = Array.from({ length: 50 }, (_, i) => [people[2 * i], people[2 * i + 1]]);
    const answers = await Promise.all(
      pairs.flatMap(([a, b]) => [swipe(a, b.id, 'like'), swipe(b, a.id, 'like')]),
    );
    expect(answers.every((a) => a.response.status === 201)).toBe(true);
    expect(answers.filter((a) => a.data?.matched)).toHaveLength(50);
    for (const [a, b] of pairs) {
      expect((await matchesOf(a)).map((m) => m.userId)).toEqual([b.id]);
    }
  });

  it('answers bad swipes with the contract codes', async () => {
    const [ada, bob] = await signUpKnown(2, 'Swiper');
    expectData(await swipe(ada, bob.id, 'pass'), 201);

    const again = await swipe(ada, bob.id, 'like');
    expect(expectProblem(again, 409).code).toBe('MATCHING.ALREADY_SWIPED');
    expect(again.response.headers.get('content-type')).toContain('application/problem+json');

    expect(expectProblem(await swipe(ada, ada.id, 'like'), 400)).toMatchObject({
      errors: [expect.objectContaining({ path: 'targetUserId' })],
    });

    const unknown = await swipe(ada, randomUUID(), 'like');
    expect(expectProblem(unknown, 404).code).toBe('MATCHING.USER_NOT_FOUND');

    const badAction = await ada.client.post('/matching/swipes', {
      targetUserId: bob.id,
      action: 'love',
    });
    expect(badAction.status).toBe(400);
    expect(badAction.body).toMatchObject({ errors: [expect.objectContaining({ path: 'action' })] });

    const extra = await ada.client.post('/matching/swipes', {
      targetUserId: bob.id,
      action: 'like',
      mood: 'happy',
    });
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({ errors: [expect.objectContaining({ path: 'mood' })] });

    const anonymous = await ada.client.withToken(undefined).POST('/api/v1/matching/swipes', {
      body: { targetUserId: bob.id, action: 'like' },
    });
    expectProblem(anonymous, 401);
  });

  it('refuses super likes beyond the daily limit until the next UTC midnight', async () => {
    const people = await signUpKnown(7, 'Star');
    const [fan, ...stars] = people;
    for (const star of stars.slice(0, 5)) {
      expectData(await swipe(fan, star.id, 'super_like'), 201);
    }
    const sixth = await swipe(fan, stars[5].id, 'super_like');
    expect(expectProblem(sixth, 429).code).toBe('MATCHING.SUPER_LIKE_LIMIT');
    const retryAfter = Number(sixth.response.headers.get('retry-after'));
    const now = new Date();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    expect(retryAfter).toBeGreaterThan(0);
    expect(Math.abs(retryAfter - (midnight - now.getTime()) / 1000)).toBeLessThan(30);
    // An ordinary like still works.
    expectData(await swipe(fan, stars[5].id, 'like'), 201);
  });

  it('unmatches for both people and only for them', async () => {
    const [ada, bob, eve] = await signUpKnown(3, 'Unmatch');
    await swipe(ada, bob.id, 'like');
    const matchId = expectData(await swipe(bob, ada.id, 'like'), 201).match?.id ?? '';
    const bobSocket = await connectRealtime(bob.token);
    sockets.push(bobSocket);

    const unmatch = (person: Person, id: string) =>
      person.api.DELETE('/api/v1/matching/matches/{id}', { params: { path: { id } } });
    expectProblem(await unmatch(eve, matchId), 404);
    expectProblem(await unmatch(ada, randomUUID()), 404);
    expect((await unmatch(ada, matchId)).response.status).toBe(204);
    const told = await bobSocket.next('match.status_updated', (p) => p.matchId === matchId);
    expect(told.payload).toMatchObject({ matchId, status: 'unmatched' });
    for (const person of [ada, bob]) {
      expect(await matchesOf(person)).toEqual([]);
    }
  });

  it('forgets a deleted person: gone from discovery and from match lists', async () => {
    const here = somewhere();
    const [ada, bob, carol] = await Promise.all(
      [0, 1, 2].map(async (km) =>
        withProfile(await signUp('Leaver'), { location: { ...kmNorthOf(here, km), city: null } }),
      ),
    );
    await discoverable(carol, [ada, bob]);
    await swipe(ada, bob.id, 'like');
    expect(expectData(await swipe(bob, ada.id, 'like'), 201).matched).toBe(true);

    expect((await bob.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
    await waitFor(
      async () => {
        const seen = (await discover(carol)).map((i) => i.userId);
        const matches = await matchesOf(ada);
        return !seen.includes(bob.id) && matches.length === 0;
      },
      { timeoutMs: 5_000, message: 'the deleted person to disappear' },
    );
    expect((await discover(carol)).map((i) => i.userId)).toContain(ada.id);
  });

  it("with eventId shows only the event's registered people and organizer, to them only", async () => {
    const [organizer, ada, bob, carol, dave] = await Promise.all(
      ['Organizer', 'Ada', 'Bob', 'Carol', 'Dave'].map((name) => signUp(name)),
    );
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const created = await organizer.api.POST('/api/v1/events', {
      body: {
        title: 'Rust meetup',
        description: 'Lifetimes over coffee',
        category: 'networking',
        tags: ['rust'],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        location: { name: 'Hall', lat: 52.52, lng: 13.405 },
        capacity: 2,
      },
    });
    const eventId = expectData(created, 201).id;
    for (const person of [ada, bob, carol]) {
      const registered = await person.api.POST('/api/v1/events/{id}/registrations', {
        params: { path: { id: eventId } },
      });
      expectData(registered, 201);
    }
    const atEvent = (person: Person, id = eventId) =>
      person.api.GET('/api/v1/matching/discover', { params: { query: { eventId: id } } });
    const coAttendees = await waitFor(
      async () => {
        const { data } = await atEvent(ada);
        const ids = data ? data.items.map((i) => i.userId).sort() : [];
        return ids.length === 2 && ids;
      },
      { message: 'matching to learn of the registrations' },
    );
    expect(coAttendees).toEqual([bob.id, organizer.id].sort());
    const fromOrganizer = expectData(await atEvent(organizer), 200);
    expect(fromOrganizer.items.map((i) => i.userId).sort()).toEqual([ada.id, bob.id].sort());
    // Carol is waitlisted (capacity 2), Dave not registered.
    expect(expectProblem(await atEvent(carol), 403).code).toBe('MATCHING.NOT_AN_ATTENDEE');
    expectProblem(await atEvent(dave), 403);
    expectProblem(await atEvent(ada, randomUUID()), 404);
  });
});
