import type { components } from '@rendezvous/api-client';
import type { LatLng } from '@rendezvous/contracts';
import { greatCircleKm, locationCell, shownDistanceKm } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import type { Person } from './support/api-client';
import { signInAdmin, signUp } from './support/api-client';
import type { Range } from './support/trilateration';
import { expectData } from './support/typed-api';
import { inCell, leastSquaresEstimate, offsetKm } from './support/trilateration';

type DiscoveryItem = components['schemas']['DiscoveryItem'];
interface Discovery {
  items: DiscoveryItem[];
  nextCursor: string | null;
}
type Meet = components['schemas']['MeetRecommendations'];
type Preferences = components['schemas']['UpdatePreferencesDto'];

const LIMIT_KM = 30;
// Venue score defaults (API.md): 0.4·e^(−0.3·km) for a venue nobody has liked.
const VENUE_DISTANCE_WEIGHT = 0.4;
const VENUE_DECAY_PER_KM = 0.3;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const somewhere = (): LatLng => ({
  lat: -50 + Math.random() * 100,
  lng: -160 + Math.random() * 320,
});
/** The location factor a viewer limited to LIMIT_KM gets for someone `km` away. */
const locationFactor = (km: number) => round4(Math.max(0, 1 - km / LIMIT_KM));
const near = (a: number, b: number) => Math.abs(a - b) <= 0.00011;

/** Discovery without the activity factor: it follows the clock, not anyone's location. */
const timeless = (page: Discovery) => ({
  ...page,
  items: page.items.map(({ factors: { activity: _activity, ...factors }, ...item }) => ({
    ...item,
    factors,
  })),
});

describe('location privacy: a stranger who moves around and trilaterates', () => {
  let requests = 0;
  /** The body of a successful answer, counting the request. */
  const counted = async <D>(call: Promise<{ data?: D; error?: unknown; response: Response }>) => {
    requests += 1;
    const { data, error, response } = await call;
    if (data === undefined) {
      throw new Error(`${response.url}: ${response.status} ${JSON.stringify(error)}`);
    }
    return data;
  };
  const liveAt = (person: Person, at: LatLng) =>
    counted(person.api.PATCH('/api/v1/users/me', { body: { location: { ...at, city: null } } }));
  // The other preferences take their documented defaults.
  const prefer = (person: Person, preferences: Preferences) =>
    counted(person.api.PUT('/api/v1/users/me/preferences', { body: preferences }));
  const discover = (person: Person) =>
    counted(person.api.GET('/api/v1/matching/discover', { params: { query: { limit: 100 } } }));
  const meet = (person: Person, other: Person) =>
    counted(
      person.api.GET('/api/v1/reco/venues/meet', {
        params: { query: { with: other.id, limit: 10 } },
      }),
    );

  it('learns nothing that places the victim inside their cell', async () => {
    const cell = locationCell(somewhere());
    // Near the cell's south-west corner, so its centre is a poor guess of where the victim is.
    const home = inCell(cell, -0.35, -0.35);
    // Someone at the centre of their own cell: true and shown positions agree, so the distance
    // the attacker gets to them says whether matching has the attacker's latest location.
    const beaconAt = locationCell(offsetKm(home, 2, 2));
    const [victim, attacker, beacon, admin] = await Promise.all([
      signUp('Victim'),
      signUp('Attacker'),
      signUp('Beacon'),
      signInAdmin(),
    ]);
    requests += 4;
    const venues: { id: string; at: LatLng }[] = [];
    for (const [north, east] of [
      [1.5, 0],
      [-1, 1.2],
      [0.3, -2],
    ]) {
      const at = offsetKm(cell, north, east);
      const created = await admin.api.POST('/api/v1/venues', {
        // The capacity takes its documented default.
        body: {
          name: 'Meeting point',
          category: 'cafe',
          priceLevel: 2,
          ...at,
        },
      });
      requests += 1;
      venues.push({ id: expectData(created, 201).id, at });
    }
    for (const person of [victim, beacon]) {
      await prefer(person, { distanceKm: LIMIT_KM });
    }
    // The attacker scores people by location alone: the score is then the location factor.
    await prefer(attacker, {
      distanceKm: LIMIT_KM,
      weights: { profile: 0, interests: 0, location: 1, industry: 0, activity: 0 },
    });
    await liveAt(beacon, beaconAt);

    /** Both services have `person` at `at`: their own answers (exact, to them) say so. */
    const settled = async (person: Person, other: Person, at: LatLng) => {
      const [discovery, meeting] = await Promise.all([
        waitFor(
          async () => {
            const page = await discover(person);
            const seen = page.items.find((item) => item.userId === beacon.id);
            const expected = locationFactor(greatCircleKm(at, beaconAt));
            return seen && near(seen.factors.location, expected) && page;
          },
          { timeoutMs: 10_000, intervalMs: 250, message: 'matching to learn the new location' },
        ),
        waitFor(
          async () => {
            const answer = await meet(person, other);
            const mine = answer.items.find((item) => item.venueId === venues[0].id);
            return mine && near(mine.you.distanceKm, greatCircleKm(at, venues[0].at)) && answer;
          },
          { timeoutMs: 10_000, intervalMs: 250, message: 'reco to learn the new location' },
        ),
      ]);
      return { discovery, meeting };
    };

    await liveAt(victim, home);
    await liveAt(attacker, home);
    await settled(victim, attacker, home);

    // The attacker walks a grid around the victim's neighbourhood and writes down every answer.
    const walk: [number, number][] = [
      [0, 0],
      [4, 0],
      [0, 4],
      [-3, -3],
    ];
    const ranges: Range[] = [];
    const seen: { at: LatLng; item: DiscoveryItem; meeting: Meet }[] = [];
    let last: { discovery: Discovery; meeting: Meet } | null = null;
    for (const [north, east] of walk) {
      const at = offsetKm(home, north, east);
      await liveAt(attacker, at);
      last = await settled(attacker, victim, at);
      const item = last.discovery.items.find((i) => i.userId === victim.id);
      if (!item) throw new Error('the victim is missing from the attacker’s discovery');
      seen.push({ at, item, meeting: last.meeting });
      // The location factor is the most precise reading: 1 − km / limit, to 4 places.
      ranges.push({ from: at, km: LIMIT_KM * (1 - item.factors.location) });
    }
    for (const venue of venues) {
      const them = last?.meeting.items.find((i) => i.venueId === venue.id)?.them;
      if (!them) throw new Error('a venue is missing from venues for two');
      const km = -Math.log(them.score / VENUE_DISTANCE_WEIGHT) / VENUE_DECAY_PER_KM;
      ranges.push({ from: venue.at, km });
    }

    // Shown distances are whole kilometres, at least 1.
    for (const { item, meeting } of seen) {
      expect(Number.isInteger(item.distanceKm)).toBe(true);
      expect(item.distanceKm).toBeGreaterThanOrEqual(1);
      for (const venue of meeting.items) {
        expect(Number.isInteger(venue.them.distanceKm)).toBe(true);
        expect(venue.them.distanceKm).toBeGreaterThanOrEqual(1);
      }
    }

    // Every point of the victim's cell explains every answer the attacker got: the region
    // consistent with the observations covers the whole cell.
    const grid = [-0.49, -0.25, 0, 0.25, 0.49];
    for (const up of grid) {
      for (const right of grid) {
        const candidate = inCell(cell, up, right);
        const shownAt = locationCell(candidate);
        for (const { at, item, meeting } of seen) {
          const km = greatCircleKm(at, shownAt);
          expect(near(item.factors.location, locationFactor(km))).toBe(true);
          expect(near(item.score, locationFactor(km))).toBe(true);
          expect(item.distanceKm).toBe(shownDistanceKm(km));
          for (const venue of venues) {
            const them = meeting.items.find((i) => i.venueId === venue.id)?.them;
            expect(them?.distanceKm).toBe(shownDistanceKm(greatCircleKm(venue.at, shownAt)));
          }
        }
      }
    }

    // Moving the victim anywhere inside the cell changes no answer the attacker gets.
    const baseline = last;
    if (!baseline) throw new Error('the walk recorded nothing');
    const elsewhere = [inCell(cell, 0.45, 0.45), inCell(cell, 0.45, -0.45), cell];
    for (const at of elsewhere) {
      await liveAt(victim, at);
      await settled(victim, attacker, at);
      const [discovery, meeting] = await Promise.all([discover(attacker), meet(attacker, victim)]);
      expect(timeless(discovery)).toEqual(timeless(baseline.discovery));
      expect(meeting).toEqual(baseline.meeting);
    }

    // The attacker's best guess, searched around the middle of their walk, is the same wherever
    // in the cell the victim is (the answers are), so it misses a victim near a corner by about
    // the corner's distance from the centre.
    const middle = {
      lat: seen.reduce((sum, s) => sum + s.at.lat, 0) / seen.length,
      lng: seen.reduce((sum, s) => sum + s.at.lng, 0) / seen.length,
    };
    const estimate = leastSquaresEstimate(ranges, middle, 3);
    const errors = [home, ...elsewhere].map((at) => greatCircleKm(estimate, at));
    console.log(
      `trilateration: ${ranges.length} ranges from ${walk.length} places and ${venues.length} venues, ` +
        `${requests} requests; best estimate ${errors[0].toFixed(3)} km from the victim ` +
        `(the cell's centre is ${greatCircleKm(home, cell).toFixed(3)} km away; errors for the ` +
        `other positions tried: ${errors
          .slice(1)
          .map((e) => e.toFixed(3))
          .join(', ')} km)`,
    );
    expect(errors[0]).toBeGreaterThan(0.3);
  });
});
