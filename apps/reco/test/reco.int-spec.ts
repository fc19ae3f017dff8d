import { randomUUID } from 'node:crypto';
import type { Envelope, VenueCategory, VenueData } from '@rendezvous/contracts';
import {
  COMMON_ERRORS,
  RECO_ERRORS,
  TOPICS,
  greatCircleKm,
  locationCell,
  shownDistanceKm,
} from '@rendezvous/contracts';
import type { AuthUser } from '@rendezvous/platform';
import type { KafkaCollector } from '@rendezvous/testing';
import {
  aUserState,
  anEnvelope,
  collectMessages,
  domainErrorCode,
  testKafka,
  waitFor,
} from '@rendezvous/testing';
import { InteractionsService } from '../src/interactions/interactions.service';
import { RecoService } from '../src/recommendations/reco.service';
import { venueScore } from '../src/scoring/venue-score';
import { VenuesService } from '../src/venues/venues.service';
import type { RecoTestApp } from './reco-test-app';
import { startRecoApp } from './reco-test-app';

const admin: AuthUser = { id: randomUUID(), role: 'admin' };
const KM_PER_DEGREE = 6371 * (Math.PI / 180);

// Each test has its own spot on the map, far from the others'.
let spot = 0;
function somewhere() {
  spot += 1;
  return { lat: -40 + spot * 3, lng: -150 + spot * 7, city: null };
}
function north(place: { lat: number; lng: number }, km: number) {
  return { lat: place.lat + km / KM_PER_DEGREE, lng: place.lng, city: null };
}
const noFilter = { category: null, maxPriceLevel: null };

describe('reco service', () => {
  let t: RecoTestApp;
  let venues: VenuesService;
  let interactions: InteractionsService;
  let reco: RecoService;
  let collector: KafkaCollector;

  beforeAll(async () => {
    t = await startRecoApp();
    venues = t.app.get(VenuesService);
    interactions = t.app.get(InteractionsService);
    reco = t.app.get(RecoService);
    collector = await collectMessages(testKafka(), [
      TOPICS.VENUE_CREATED,
      TOPICS.VENUE_UPDATED,
      TOPICS.VENUE_INTERACTION_LOGGED,
    ]);
  });

  afterAll(async () => {
    await collector.stop();
    await t.close();
  });

  const venueAt = (
    place: { lat: number; lng: number },
    extra: { category?: VenueCategory; priceLevel?: number; name?: string } = {},
  ) =>
    venues.create(admin, {
      name: extra.name ?? 'Somewhere',
      category: extra.category ?? 'cafe',
      lat: place.lat,
      lng: place.lng,
      priceLevel: extra.priceLevel ?? 2,
    });

  const connect = (a: string, b: string, strength: number, version = 1, id = randomUUID()) =>
    t.deliver(
      anEnvelope(
        strength > 0 ? TOPICS.CONNECTION_ACCEPTED : TOPICS.CONNECTION_REMOVED,
        {
          connectionId: id,
          fromUserId: a,
          toUserId: b,
          status: 'accepted',
          types: strength > 0 ? ['request'] : [],
          strength,
        },
        { aggregateId: id, version },
      ),
    );

  describe('venues', () => {
    it('lets only admins create, defaults capacity to 20 and publishes the whole venue', async () => {
      const user: AuthUser = { id: randomUUID(), role: 'user' };
      const place = somewhere();
      expect(
        await domainErrorCode(
          venues.create(user, { name: 'X', category: 'bar', lat: 0, lng: 0, priceLevel: 1 }),
        ),
      ).toBe(COMMON_ERRORS.FORBIDDEN);
      const venue = await venueAt(place, { name: 'Le Nid' });
      expect(venue).toMatchObject({
        name: 'Le Nid',
        capacity: 20,
        description: null,
        rating: null,
      });
      const updated = await venues.update(admin, venue.id, { capacity: 35 });
      expect(updated.capacity).toBe(35);
      const events = await waitFor(
        () => {
          const mine = collector.messages.filter(
            (m) => (m.json as Envelope).aggregateId === venue.id,
          );
          return mine.length >= 2 && mine.map((m) => m.json as Envelope<VenueData>);
        },
        { timeoutMs: 10_000, message: 'venue.created and venue.updated' },
      );
      const created = events.find((e) => e.type === TOPICS.VENUE_CREATED);
      const changed = events.find((e) => e.type === TOPICS.VENUE_UPDATED);
      expect(created).toMatchObject({
        aggregateVersion: 1,
        data: { venueId: venue.id, capacity: 20 },
      });
      expect(changed).toMatchObject({
        aggregateVersion: 2,
        data: { capacity: 35, name: 'Le Nid' },
      });
      expect(Object.keys(created?.data ?? {}).sort()).toEqual(
        [
          'venueId',
          'name',
          'description',
          'category',
          'lat',
          'lng',
          'priceLevel',
          'rating',
          'capacity',
          'createdAt',
          'updatedAt',
        ].sort(),
      );
    });

    it('lists nearest first with distances, by category, a page at a time', async () => {
      const place = somewhere();
      const far = await venueAt(north(place, 3), { category: 'bar' });
      const close = await venueAt(north(place, 1), { category: 'bar' });
      await venueAt(north(place, 2), { category: 'music' });
      const first = await venues.list(place, 'bar', 1);
      expect(first.items.map((v) => v.id)).toEqual([close.id]);
      expect(first.items[0].distanceKm).toBeCloseTo(1, 3);
      const second = await venues.list(place, 'bar', 1, first.nextCursor ?? undefined);
      expect(second.items.map((v) => v.id)).toEqual([far.id]);
    });

    it('refuses an interaction with an unknown venue', async () => {
      expect(await domainErrorCode(interactions.log(randomUUID(), randomUUID(), 'like', 0))).toBe(
        RECO_ERRORS.VENUE_NOT_FOUND,
      );
    });
  });

  describe('venue recommendations', () => {
    it('scores a venue at home 0.40 and one 1 km away 0.2963 with no interactions', async () => {
      const home = somewhere();
      const person = await t.person(home);
      const atHome = await venueAt(home);
      const oneKm = await venueAt(north(home, 1));
      const { items } = await reco.venues(person.userId, null, 2, noFilter, 10);
      const mine = items.filter((i) => [atHome.id, oneKm.id].includes(i.venueId));
      expect(mine.map((i) => [i.venueId, i.score])).toEqual([
        [atHome.id, 0.4],
        [oneKm.id, 0.2963],
      ]);
      expect(mine[1].distanceKm).toBeCloseTo(1, 4);
    });

    it('counts likes towards popularity and preference; views only add dwell', async () => {
      const place = somewhere();
      const caller = await t.person(place);
      const liked = await venueAt(north(place, 0.5));
      const viewed = await venueAt(north(place, 0.5));
      const others = await Promise.all([t.person(), t.person()]);
      for (const other of others) await interactions.log(other.userId, liked.id, 'like', 0);
      await interactions.log(caller.userId, viewed.id, 'view', 150);
      const { items } = await reco.venues(caller.userId, null, 1, noFilter, 10);
      const byId = new Map(items.map((i) => [i.venueId, i]));
      expect(byId.get(viewed.id)?.factors).toMatchObject({ preference: 0.5, popularity: 0 });
      expect(byId.get(liked.id)?.factors.preference).toBe(0);
      expect(byId.get(liked.id)?.factors.popularity).toBeGreaterThan(0);
    });

    it('ranks in Postgres exactly as the scoring function does', async () => {
      const place = somewhere();
      const caller = await t.person(place);
      const made = await Promise.all(
        Array.from({ length: 12 }, (_, i) => venueAt(north(place, i * 0.7))),
      );
      for (const [i, venue] of made.entries()) {
        if (i % 3 === 0) await interactions.log(caller.userId, venue.id, 'interest', i * 20);
      }
      const { items } = await reco.venues(caller.userId, null, 5, noFilter, 12);
      const scores = items.map((i) => i.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const item of items) {
        const recomputed = venueScore(item.distanceKm, { likes: 0, dwellSeconds: 0 }, 0, 1);
        expect(item.score).toBeGreaterThanOrEqual(recomputed.score - 0.0002);
      }
    });

    it('filters by distance, category and price, and lat/lng override home', async () => {
      const home = somewhere();
      const elsewhere = somewhere();
      const caller = await t.person(home);
      const cheapBar = await venueAt(north(home, 1), { category: 'bar', priceLevel: 1 });
      const dearBar = await venueAt(north(home, 1), { category: 'bar', priceLevel: 4 });
      const farBar = await venueAt(north(home, 8), { category: 'bar', priceLevel: 1 });
      const cafe = await venueAt(north(home, 1), { category: 'cafe', priceLevel: 1 });
      const there = await venueAt(elsewhere, { category: 'bar', priceLevel: 1 });
      const { items } = await reco.venues(
        caller.userId,
        null,
        5,
        { category: 'bar', maxPriceLevel: 2 },
        20,
      );
      const ids = items.map((i) => i.venueId);
      expect(ids).toContain(cheapBar.id);
      for (const excluded of [dearBar.id, farBar.id, cafe.id, there.id]) {
        expect(ids).not.toContain(excluded);
      }
      const moved = await reco.venues(caller.userId, elsewhere, 1, noFilter, 20);
      expect(moved.items.map((i) => i.venueId)).toEqual([there.id]);
      expect(moved.items[0].distanceKm).toBe(0);
    });

    it('gives popular venues with distanceKm null to someone without a location', async () => {
      const caller = await t.person(null);
      const fan = await t.person(null);
      const place = somewhere();
      const hot = await venueAt(place);
      for (let i = 0; i < 50; i += 1) await interactions.log(fan.userId, hot.id, 'like', 0);
      const { items } = await reco.venues(caller.userId, null, 5, noFilter, 3);
      expect(items[0]).toMatchObject({ venueId: hot.id, distanceKm: null, score: 0.2 });
      expect(items[0].factors).toEqual({ distance: 0, preference: 0, popularity: 1 });
      const scores = items.map((i) => i.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });
  });

  describe('companions', () => {
    it('ranks connections by strength, a match making a strong tie', async () => {
      const caller = await t.person();
      const [friend, matched, stranger] = await Promise.all([t.person(), t.person(), t.person()]);
      await connect(caller.userId, friend.userId, 0.5);
      await t.deliver(
        anEnvelope(
          TOPICS.MATCH_CREATED,
          {
            matchId: randomUUID(),
            userIds: [matched.userId, caller.userId],
            score: 0.7,
            sharedInterests: [],
          },
          { source: 'matching' },
        ),
      );
      const { items } = await reco.people(caller.userId, null, 10);
      expect(items).toEqual([
        { userId: matched.userId, score: 0.48, factors: { strength: 0.8, venue: 0, category: 0 } },
        { userId: friend.userId, score: 0.3, factors: { strength: 0.5, venue: 0, category: 0 } },
      ]);
      expect(items.map((i) => i.userId)).not.toContain(stranger.userId);
    });

    it('conditions on the venue and its category; unknown venue is a 404', async () => {
      const caller = await t.person();
      const [fan, other] = await Promise.all([t.person(), t.person()]);
      await connect(caller.userId, fan.userId, 0.5);
      await connect(other.userId, caller.userId, 0.5);
      const place = somewhere();
      const karaoke = await venueAt(place, { category: 'karaoke' });
      const otherKaraoke = await venueAt(place, { category: 'karaoke' });
      await interactions.log(fan.userId, karaoke.id, 'like', 150);
      await interactions.log(other.userId, otherKaraoke.id, 'view', 300);
      const { items } = await reco.people(caller.userId, karaoke.id, 10);
      expect(items[0]).toEqual({
        userId: fan.userId,
        // 0.6·0.5 + 0.25·min(1, 0.5 + 0.5) + 0.15·min(1, 0.3 + 0.25)
        score: 0.6325,
        factors: { strength: 0.5, venue: 1, category: 0.55 },
      });
      expect(items[1]).toEqual({
        userId: other.userId,
        score: 0.375,
        factors: { strength: 0.5, venue: 0, category: 0.5 },
      });
      expect(await domainErrorCode(reco.people(caller.userId, randomUUID(), 10))).toBe(
        RECO_ERRORS.VENUE_NOT_FOUND,
      );
    });

    it('applies connection events only if newer, and a removal ends the tie', async () => {
      const caller = await t.person();
      const friend = await t.person();
      const id = randomUUID();
      await connect(caller.userId, friend.userId, 0, 3, id);
      await connect(caller.userId, friend.userId, 0.5, 2, id);
      expect((await reco.people(caller.userId, null, 10)).items).toEqual([]);
    });

    it('forgets a deleted person: gone from companions, their likes stop counting', async () => {
      const caller = await t.person(somewhere());
      const doomed = await t.person();
      await connect(caller.userId, doomed.userId, 0.5);
      const venue = await venueAt(somewhere());
      const loyal = await t.person();
      await interactions.log(loyal.userId, venue.id, 'like', 0);
      await interactions.log(doomed.userId, venue.id, 'like', 0);
      await interactions.log(doomed.userId, venue.id, 'interest', 0);
      expect((await reco.people(caller.userId, null, 10)).items).toHaveLength(1);
      const deleted = anEnvelope(
        TOPICS.USER_DELETED,
        { userId: doomed.userId, deletedAt: new Date().toISOString() },
        { aggregateId: doomed.userId, version: 2 },
      );
      await t.deliver(deleted);
      await t.deliver(deleted);
      expect((await reco.people(caller.userId, null, 10)).items).toEqual([]);
      const [{ likes }] = (await t.db.query('SELECT likes FROM venues WHERE id = $1', [
        venue.id,
      ])) as { likes: number }[];
      expect(likes).toBe(1);
      // A late update and a late connection cannot bring them back.
      const late = aUserState({ userId: doomed.userId });
      await t.deliver(
        anEnvelope(TOPICS.USER_UPDATED, late, { aggregateId: late.userId, version: 1 }),
      );
      await connect(caller.userId, doomed.userId, 0.5);
      expect((await reco.people(caller.userId, null, 10)).items).toEqual([]);
      expect(await domainErrorCode(interactions.log(doomed.userId, venue.id, 'like', 0))).toBe(
        COMMON_ERRORS.UNAUTHORIZED,
      );
    });
  });

  describe('meet', () => {
    it('prefers the venue fair to both over one next to either person', async () => {
      const a = somewhere();
      // Bob lives at the centre of his cell: his trips are measured from where he is.
      const b = { ...locationCell(north(a, 10)), city: null };
      const along = (fraction: number) => ({
        lat: a.lat + (b.lat - a.lat) * fraction,
        lng: a.lng + (b.lng - a.lng) * fraction,
        city: null,
      });
      const [alice, bob] = await Promise.all([t.person(a), t.person(b)]);
      const nextToAlice = await venueAt(along(0.1), { name: 'next to Alice' });
      const halfway = await venueAt(along(0.5), { name: 'halfway' });
      const nearlyHalfway = await venueAt(along(0.3), { name: 'nearly halfway' });
      const nextToBob = await venueAt(along(0.98), { name: 'next to Bob' });
      const { items } = await reco.meet(alice.userId, bob.userId, noFilter, 4);
      expect(items.map((i) => i.venueId)).toEqual([
        halfway.id,
        nearlyHalfway.id,
        nextToAlice.id,
        nextToBob.id,
      ]);
      expect(items[0].you.distanceKm).toBeCloseTo(greatCircleKm(a, along(0.5)), 3);
      expect(items[0].them.distanceKm).toBe(shownDistanceKm(greatCircleKm(b, along(0.5))));
      expect(items[0].distanceKm).toBe(Math.max(items[0].you.distanceKm, items[0].them.distanceKm));
      expect(items[0].score).toBeCloseTo(items[0].you.score + items[0].them.score, 3);
    });

    it("takes the other person at their cell's centre: moving inside it changes nothing", async () => {
      const a = somewhere();
      const cell = locationCell(north(a, 3));
      const corner = (dLat: number, dLng: number) => ({
        lat: cell.lat + dLat,
        lng: cell.lng + dLng,
        city: null,
      });
      const [alice, bob] = await Promise.all([t.person(a), t.person(corner(-0.0049, -0.0049))]);
      await Promise.all(
        [0.5, 1.5, 2.5, 4].map((km) => venueAt(north(a, km), { name: `${km} km north` })),
      );
      const before = await reco.meet(alice.userId, bob.userId, noFilter, 4);
      const ownBefore = await reco.meet(bob.userId, alice.userId, noFilter, 4);
      expect(before.items).toHaveLength(4);
      for (const item of before.items) {
        expect(Number.isInteger(item.them.distanceKm)).toBe(true);
        expect(item.them.distanceKm).toBeGreaterThanOrEqual(1);
      }
      const moved = aUserState({
        userId: bob.userId,
        profile: { location: corner(0.0049, 0.0049) },
      });
      await t.deliver(
        anEnvelope(TOPICS.USER_UPDATED, moved, { aggregateId: bob.userId, version: 2 }),
      );
      expect(await reco.meet(alice.userId, bob.userId, noFilter, 4)).toEqual(before);
      // Bob's own trips are his, exact: his own answer does move.
      const ownAfter = await reco.meet(bob.userId, alice.userId, noFilter, 4);
      expect(ownAfter.items.map((i) => i.you.distanceKm)).not.toEqual(
        ownBefore.items.map((i) => i.you.distanceKm),
      );
    });

    it('never offers venues across a block, either way: 404 as for an unknown person', async () => {
      const [alice, bob] = await Promise.all([t.person(somewhere()), t.person(somewhere())]);
      const block = (blockerId: string, blockedId: string, version: number, active = true) =>
        t.deliver(
          anEnvelope(
            active ? TOPICS.USER_BLOCKED : TOPICS.USER_UNBLOCKED,
            { blockerId, blockedId },
            { aggregateId: blockerId, version },
          ),
        );
      await block(bob.userId, alice.userId, 2);
      for (const [caller, other] of [
        [alice, bob],
        [bob, alice],
      ]) {
        expect(await domainErrorCode(reco.meet(caller.userId, other.userId, noFilter, 5))).toBe(
          RECO_ERRORS.USER_NOT_FOUND,
        );
      }
      // An unblock overtaken by the older block, redelivered under a new id, stays unblocked.
      await block(bob.userId, alice.userId, 3, false);
      await block(bob.userId, alice.userId, 2);
      expect((await reco.meet(alice.userId, bob.userId, noFilter, 5)).items).toBeDefined();
      expect((await reco.meet(bob.userId, alice.userId, noFilter, 5)).items).toBeDefined();
    });

    it('breaks a tie on the longer trip by both scores', async () => {
      const a = somewhere();
      const b = north(a, 4);
      const [alice, bob] = await Promise.all([t.person(a), t.person(b)]);
      const plain = await venueAt(north(a, 2));
      const liked = await venueAt(north(a, 2));
      await interactions.log(bob.userId, liked.id, 'like', 0);
      const { items } = await reco.meet(alice.userId, bob.userId, noFilter, 2);
      expect(items.map((i) => i.venueId)).toEqual([liked.id, plain.id]);
    });

    it('needs both homes (409), a known person (404) and not oneself (400)', async () => {
      const [located, homeless] = await Promise.all([t.person(somewhere()), t.person(null)]);
      expect(await domainErrorCode(reco.meet(located.userId, homeless.userId, noFilter, 5))).toBe(
        RECO_ERRORS.LOCATION_MISSING,
      );
      expect(await domainErrorCode(reco.meet(homeless.userId, located.userId, noFilter, 5))).toBe(
        RECO_ERRORS.LOCATION_MISSING,
      );
      expect(await domainErrorCode(reco.meet(located.userId, randomUUID(), noFilter, 5))).toBe(
        RECO_ERRORS.USER_NOT_FOUND,
      );
      expect(await domainErrorCode(reco.meet(located.userId, located.userId, noFilter, 5))).toBe(
        COMMON_ERRORS.VALIDATION_FAILED,
      );
    });
  });
});
