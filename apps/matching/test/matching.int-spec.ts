import { randomUUID } from 'node:crypto';
import type {
  MatchCreatedData,
  MatchStatusUpdatedData,
  RegistrationStatus,
} from '@rendezvous/contracts';
import { MATCHING_ERRORS, TOPICS, greatCircleKm, locationCell } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import {
  aUserState,
  anEnvelope,
  collectMessages,
  domainErrorCode,
  testKafka,
  waitFor,
  aPartialEnvelope,
} from '@rendezvous/testing';
import { DiscoveryService } from '../src/discovery/discovery.service';
import { MatchExpiry } from '../src/matches/match-expiry';
import { MatchesService } from '../src/matches/matches.service';
import { PeopleRepository } from '../src/people/people.repository';
import { SwipesService } from '../src/swipes/swipes.service';
import type { MatchingTestApp } from './matching-test-app';
import { startMatchingApp } from './matching-test-app';

// Each test lives in its own spot on the map so tests do not see each other's people. People
// live at the centres of their cells, so the distances others see are the ones set up here.
function somewhere() {
  return {
    ...locationCell({ lat: -60 + Math.random() * 120, lng: -170 + Math.random() * 340 }),
    city: null,
  };
}
function near(place: { lat: number; lng: number }, km: number) {
  return { ...locationCell({ lat: place.lat + km / 111.195, lng: place.lng }), city: null };
}

describe('matching service', () => {
  let t: MatchingTestApp;
  let discovery: DiscoveryService;
  let swipes: SwipesService;
  let matches: MatchesService;
  let collector: KafkaCollector;

  beforeAll(async () => {
    t = await startMatchingApp({
      MATCHING_SUPER_LIKES_PER_DAY: '2',
      MATCHING_MATCH_EXPIRY_DAYS: '30',
    });
    discovery = t.app.get(DiscoveryService);
    swipes = t.app.get(SwipesService);
    matches = t.app.get(MatchesService);
    collector = await collectMessages(testKafka(), [
      TOPICS.MATCH_CREATED,
      TOPICS.MATCH_STATUS_UPDATED,
      TOPICS.SWIPE_PERFORMED,
    ]);
  });

  afterAll(async () => {
    await collector.stop();
    await t.close();
  });

  const ids = async (viewerId: string, eventId?: string) =>
    (await discovery.discover(viewerId, 100, undefined, eventId)).items.map((i) => i.userId);
  // People without a location (from other tests) show up for everyone, after the located ones.
  const among = (seen: string[], people: { userId: string }[]) =>
    seen.filter((id) => people.some((person) => person.userId === id));

  describe('projection of people', () => {
    it('does not roll back for a redelivered or out-of-order update', async () => {
      const state = aUserState({ name: 'Version Two' });
      const v2 = anEnvelope(TOPICS.USER_UPDATED, state, { aggregateId: state.userId, version: 2 });
      const v1 = anEnvelope(
        TOPICS.USER_CREATED,
        { ...state, name: 'Version One' },
        { aggregateId: state.userId, version: 1 },
      );
      await t.deliver(v2);
      await t.deliver(v1);
      await t.deliver(v2);
      const profile = await t.app.get(PeopleRepository).findActive(state.userId);
      expect(profile?.name).toBe('Version Two');
    });

    it('keeps a deleted person deleted when a late update arrives', async () => {
      const state = await t.person();
      await t.deliver(
        anEnvelope(
          TOPICS.USER_DELETED,
          { userId: state.userId, deletedAt: new Date().toISOString() },
          { aggregateId: state.userId, version: 3 },
        ),
      );
      await t.deliver(
        anEnvelope(TOPICS.USER_UPDATED, state, { aggregateId: state.userId, version: 4 }),
      );
      expect(await t.app.get(PeopleRepository).findActive(state.userId)).toBeNull();
      const [row] = (await t.db.query('SELECT name, deleted_at FROM profiles WHERE user_id = $1', [
        state.userId,
      ])) as { name: string; deleted_at: Date | null }[];
      expect(row).toEqual({ name: '', deleted_at: expect.any(Date) });
    });
  });

  describe('discovery', () => {
    it('ranks by score, applies filters both ways and never shows the viewer', async () => {
      const here = somewhere();
      const viewer = await t.person({
        profile: {
          location: here,
          interests: ['AI', 'Jazz'],
          industry: 'Software',
          birthDate: '1990-01-01',
        },
        preferences: { distanceKm: 30, ageMin: 25, ageMax: 45 },
      });
      const best = await t.person({
        profile: { location: near(here, 1), interests: ['ai', 'jazz'], industry: 'software' },
      });
      const good = await t.person({ profile: { location: near(here, 5), interests: ['ai'] } });
      const plain = await t.person({ profile: { location: near(here, 20) } });
      const tooFar = await t.person({ profile: { location: near(here, 40), interests: ['ai'] } });
      const tooYoung = await t.person({
        profile: { location: near(here, 2), birthDate: '2006-01-01' },
      });
      // The viewer is outside this person's own limits: both ways.
      const narrow = await t.person({
        profile: { location: near(here, 10) },
        preferences: { distanceKm: 5 },
      });
      const wantsOlder = await t.person({
        profile: { location: near(here, 3) },
        preferences: { ageMin: 50 },
      });
      const colleague = await t.person({
        profile: { location: near(here, 3), company: 'Acme' },
        preferences: { excludeColleagues: true },
      });
      await t.deliver(
        anEnvelope(
          TOPICS.USER_UPDATED,
          { ...viewer, profile: { ...viewer.profile, company: 'ACME ' } },
          { aggregateId: viewer.userId, version: 2 },
        ),
      );

      const page = await discovery.discover(viewer.userId, 100);
      const seen = page.items.map((item) => item.userId);
      expect(seen.slice(0, 3)).toEqual([best.userId, good.userId, plain.userId]);
      for (const hidden of [tooFar, tooYoung, narrow, wantsOlder, colleague, viewer]) {
        expect(seen).not.toContain(hidden.userId);
      }
      expect(page.items[0]).toMatchObject({
        name: 'Test Person',
        sharedInterests: ['ai', 'jazz'],
        factors: { interests: 1, industry: 1 },
      });
      expect(page.items[0].distanceKm).toBe(1);
    });

    it("finds, filters, scores and shows others by their cells' centres, both ways", async () => {
      const here = somewhere();
      // A cell four bands north of the viewer's: its centre, and points at its two edges.
      const cell = locationCell({ lat: here.lat + 0.04, lng: here.lng });
      const cellKm = greatCircleKm(here, cell);
      const southEdge = { lat: cell.lat - 0.00499, lng: cell.lng, city: null };
      const northEdge = { lat: cell.lat + 0.00499, lng: cell.lng, city: null };
      const limit = cellKm - 0.3;
      expect(greatCircleKm(here, southEdge)).toBeLessThan(limit);

      // At the south edge they are within the limit, but their cell's centre is not.
      const narrowViewer = await t.person({
        profile: { location: here },
        preferences: { distanceKm: limit },
      });
      const lastActiveAt = new Date().toISOString();
      const atSouthEdge = await t.person({ profile: { location: southEdge }, lastActiveAt });
      expect(await ids(narrowViewer.userId)).not.toContain(atSouthEdge.userId);
      // The same the other way round: the candidate's own limit meets the same distance.
      const viewer = await t.person({ profile: { location: here } });
      const narrowCandidate = await t.person({
        profile: { location: southEdge },
        preferences: { distanceKm: limit },
      });
      const atNorthEdge = await t.person({ profile: { location: northEdge }, lastActiveAt });
      const items = (await discovery.discover(viewer.userId, 100)).items;
      expect(items.map((i) => i.userId)).not.toContain(narrowCandidate.userId);

      // Anywhere in the cell, the same score, factors and distance.
      const [south, north] = [atSouthEdge, atNorthEdge].map((person) => {
        const item = items.find((i) => i.userId === person.userId);
        if (!item) throw new Error(`${person.userId} not discovered`);
        return { ...item, userId: undefined };
      });
      expect(north).toEqual(south);
      expect(south.distanceKm).toBe(Math.round(cellKm));
    });

    it('pages with a cursor and drops people once swiped or blocked either way', async () => {
      const here = somewhere();
      const viewer = await t.person({ profile: { location: here } });
      const others = [];
      for (let i = 1; i <= 5; i += 1) {
        others.push(await t.person({ profile: { location: near(here, i * 1.2) } }));
      }
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await discovery.discover(viewer.userId, 2, cursor);
        expect(page.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.items.map((i) => i.userId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged.slice(0, 5)).toEqual(others.map((o) => o.userId));
      expect(paged).toEqual(await ids(viewer.userId));

      await swipes.swipe(viewer.userId, others[0].userId, 'pass');
      await t.deliver(
        anEnvelope(
          TOPICS.USER_BLOCKED,
          { blockerId: others[1].userId, blockedId: viewer.userId },
          { aggregateId: others[1].userId, version: 2 },
        ),
      );
      await t.deliver(
        anEnvelope(
          TOPICS.USER_BLOCKED,
          { blockerId: viewer.userId, blockedId: others[2].userId },
          { aggregateId: viewer.userId, version: 2 },
        ),
      );
      expect(among(await ids(viewer.userId), others)).toEqual([others[3].userId, others[4].userId]);
      // The blocked person does not see the blocker either.
      expect(await ids(others[2].userId)).not.toContain(viewer.userId);

      await t.deliver(
        anEnvelope(
          TOPICS.USER_UNBLOCKED,
          { blockerId: viewer.userId, blockedId: others[2].userId },
          { aggregateId: viewer.userId, version: 3 },
        ),
      );
      expect(await ids(viewer.userId)).toContain(others[2].userId);
    });

    it('gives a sparse new profile nearby and active people first', async () => {
      const here = somewhere();
      const newcomer = await t.person({ profile: { location: here } });
      const dormant = await t.person({
        profile: { location: near(here, 1) },
        lastActiveAt: new Date(Date.now() - 60 * 86_400_000).toISOString(),
      });
      const active = await t.person({ profile: { location: near(here, 2) } });
      const farther = await t.person({ profile: { location: near(here, 40) } });
      const unlocated = await t.person();
      expect(among(await ids(newcomer.userId), [active, dormant, farther, unlocated])).toEqual([
        active.userId,
        dormant.userId,
        farther.userId,
        unlocated.userId,
      ]);
    });

    it('with eventId shows only the registered people and the organizer, to attendees only', async () => {
      const eventId = randomUUID();
      const organizer = await t.person();
      const [alice, bob, waitlisted, outsider] = [
        await t.person({ profile: { location: somewhere() } }),
        await t.person({ profile: { location: somewhere() } }),
        await t.person(),
        await t.person(),
      ];
      await t.deliver(
        aPartialEnvelope(
          TOPICS.EVENT_CREATED,
          { eventId, organizerId: organizer.userId, status: 'scheduled' },
          { aggregateId: eventId, source: 'event' },
        ),
      );
      const register = async (userId: string, status: RegistrationStatus, version = 1) =>
        t.deliver(
          aPartialEnvelope(
            TOPICS.EVENT_REGISTRATION_CREATED,
            {
              registrationId: `${eventId.slice(0, 24)}${userId.slice(24)}`,
              eventId,
              userId,
              status,
            },
            { aggregateId: eventId, source: 'event', version },
          ),
        );
      await register(alice.userId, 'registered');
      await register(bob.userId, 'registered');
      await register(waitlisted.userId, 'waitlisted');

      expect((await ids(alice.userId, eventId)).sort()).toEqual(
        [bob.userId, organizer.userId].sort(),
      );
      expect((await ids(organizer.userId, eventId)).sort()).toEqual(
        [alice.userId, bob.userId].sort(),
      );
      expect(
        await domainErrorCode(discovery.discover(outsider.userId, 20, undefined, eventId)),
      ).toBe(MATCHING_ERRORS.NOT_AN_ATTENDEE);
      expect(
        await domainErrorCode(discovery.discover(waitlisted.userId, 20, undefined, eventId)),
      ).toBe(MATCHING_ERRORS.NOT_AN_ATTENDEE);
      expect(
        await domainErrorCode(discovery.discover(alice.userId, 20, undefined, randomUUID())),
      ).toBe(MATCHING_ERRORS.EVENT_NOT_FOUND);
    });
  });

  describe('swipes and matches', () => {
    it('makes exactly one match for 50 pairs liking each other at the same instant', async () => {
      const pairs = await Promise.all(
        Array.from({ length: 50 }, async () => [await t.person(), await t.person()] as const),
      );
      const results = await Promise.all(
        pairs.flatMap(([a, b]) => [
          swipes.swipe(a.userId, b.userId, 'like'),
          swipes.swipe(b.userId, a.userId, 'super_like'),
        ]),
      );
      expect(results.filter((r) => r.matched)).toHaveLength(50);
      const pairIds = pairs.flatMap(([a, b]) => [a.userId, b.userId]);
      const [{ count }] = (await t.db.query(
        'SELECT count(*)::int AS count FROM matches WHERE user_a = ANY($1::uuid[])',
        [pairIds],
      )) as { count: number }[];
      expect(count).toBe(50);

      const matchIds = new Set(results.flatMap((r) => (r.match ? [r.match.id] : [])));
      const created = await waitFor(
        () => {
          const mine = collector.messages.filter(
            (m) =>
              m.topic === TOPICS.MATCH_CREATED &&
              matchIds.has((m.json as { aggregateId: string }).aggregateId),
          );
          return mine.length >= 50 && mine;
        },
        { message: '50 match.created events' },
      );
      expect(created).toHaveLength(50);
      const [first] = pairs;
      const envelope = created
        .map((m) => m.json as { recipientIds: string[]; data: MatchCreatedData })
        .find((e) => e.data.userIds.includes(first[0].userId));
      expect(envelope?.recipientIds.sort()).toEqual([first[0].userId, first[1].userId].sort());
      expect(envelope?.data.factors).toEqual(expect.objectContaining({ interests: 0 }));
    });

    it('answers a second swipe, a self swipe and an unknown person with their codes', async () => {
      const [a, b] = [await t.person(), await t.person()];
      expect(await swipes.swipe(a.userId, b.userId, 'pass')).toEqual({ matched: false });
      expect(await domainErrorCode(swipes.swipe(a.userId, b.userId, 'like'))).toBe(
        MATCHING_ERRORS.ALREADY_SWIPED,
      );
      expect(await domainErrorCode(swipes.swipe(a.userId, a.userId, 'like'))).toBe(
        'COMMON.VALIDATION_FAILED',
      );
      expect(await domainErrorCode(swipes.swipe(a.userId, randomUUID(), 'like'))).toBe(
        MATCHING_ERRORS.USER_NOT_FOUND,
      );
      // A pass on someone who liked you is no match.
      expect(await swipes.swipe(b.userId, a.userId, 'like')).toEqual({ matched: false });
    });

    it('limits super likes per UTC day, even when sent at once, and says when to retry', async () => {
      const fan = await t.person();
      const targets = await Promise.all([1, 2, 3, 4].map(() => t.person()));
      const outcomes = await Promise.all(
        targets.map((target) =>
          swipes.swipe(fan.userId, target.userId, 'super_like').then(
            () => 'ok',
            (error: { code: string; retryAfterSeconds?: number }) => error,
          ),
        ),
      );
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(2);
      const refused = outcomes.filter((o) => o !== 'ok') as {
        code: string;
        retryAfterSeconds: number;
      }[];
      expect(refused).toHaveLength(2);
      for (const error of refused) {
        expect(error.code).toBe(MATCHING_ERRORS.SUPER_LIKE_LIMIT);
        expect(error.retryAfterSeconds).toBeGreaterThan(0);
        expect(error.retryAfterSeconds).toBeLessThanOrEqual(86_400);
      }
      // A refused super like is not a swipe: a plain like still works.
      const refusedTarget = targets[outcomes.findIndex((o) => o !== 'ok')];
      expect(await swipes.swipe(fan.userId, refusedTarget.userId, 'like')).toEqual({
        matched: false,
      });
    });

    it('unmatches for both people, once, and only for a party to the match', async () => {
      const [a, b, stranger] = [await t.person(), await t.person(), await t.person()];
      await swipes.swipe(a.userId, b.userId, 'like');
      const { match } = await swipes.swipe(b.userId, a.userId, 'like');
      if (!match) throw new Error('expected a match');
      expect(match).toMatchObject({ userId: a.userId, status: 'active' });
      expect((await matches.listActive(a.userId, 20)).items.map((m) => m.userId)).toEqual([
        b.userId,
      ]);
      expect(await domainErrorCode(matches.unmatch(stranger.userId, match.id))).toBe(
        MATCHING_ERRORS.MATCH_NOT_FOUND,
      );
      await matches.unmatch(a.userId, match.id);
      await matches.unmatch(a.userId, match.id);
      expect((await matches.listActive(a.userId, 20)).items).toEqual([]);
      expect((await matches.listActive(b.userId, 20)).items).toEqual([]);
      const updates = await waitFor(
        () => {
          const mine = collector.messages.filter(
            (m) =>
              m.topic === TOPICS.MATCH_STATUS_UPDATED &&
              (m.json as { aggregateId: string }).aggregateId === match.id,
          );
          return mine.length > 0 && mine;
        },
        { message: 'match.status_updated' },
      );
      expect(updates).toHaveLength(1);
      expect((updates[0].json as { data: MatchStatusUpdatedData }).data).toMatchObject({
        status: 'unmatched',
        reason: 'unmatched',
        byUserId: a.userId,
      });
    });

    it('forgets a deleted person: gone from discovery and from their matches', async () => {
      const here = somewhere();
      const [a, b] = [
        await t.person({ profile: { location: here } }),
        await t.person({ profile: { location: near(here, 1) } }),
      ];
      const c = await t.person({ profile: { location: near(here, 2) } });
      await swipes.swipe(a.userId, b.userId, 'like');
      await swipes.swipe(b.userId, a.userId, 'like');
      expect(await ids(c.userId)).toEqual(expect.arrayContaining([a.userId, b.userId]));

      await t.deliver(
        anEnvelope(
          TOPICS.USER_DELETED,
          { userId: b.userId, deletedAt: new Date().toISOString() },
          { aggregateId: b.userId, version: 2 },
        ),
      );
      expect(await ids(c.userId)).not.toContain(b.userId);
      expect((await matches.listActive(a.userId, 20)).items).toEqual([]);
      expect(await domainErrorCode(swipes.swipe(c.userId, b.userId, 'like'))).toBe(
        MATCHING_ERRORS.USER_NOT_FOUND,
      );
    });

    it('expires matches nobody acted on when expiry is on', async () => {
      const [a, b] = [await t.person(), await t.person()];
      await swipes.swipe(a.userId, b.userId, 'like');
      const { match } = await swipes.swipe(b.userId, a.userId, 'like');
      if (!match) throw new Error('expected a match');
      await t.db.query("UPDATE matches SET created_at = now() - interval '31 days' WHERE id = $1", [
        match.id,
      ]);
      expect(await t.app.get(MatchExpiry).sweep()).toBeGreaterThanOrEqual(1);
      expect((await matches.listActive(a.userId, 20)).items).toEqual([]);
    });
  });
});
