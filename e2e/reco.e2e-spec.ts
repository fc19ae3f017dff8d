import { greatCircleKm, locationCell, shownDistanceKm } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import type { components, operations } from '@rendezvous/api-client';
import type { ApiClient, Person, Problem } from './support/api-client';
import { signInAdmin, signUp } from './support/api-client';
import { expectData, expectProblem } from './support/typed-api';

type CreateVenue = components['schemas']['CreateVenueDto'];
type VenueQuery = NonNullable<operations['reco_RecoController_venues']['parameters']['query']>;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const KM_PER_DEGREE = 6371 * (Math.PI / 180);
// Every test works in its own spot on the map, away from other tests' venues.
function somewhere() {
  return { lat: -50 + Math.random() * 100, lng: -160 + Math.random() * 320 };
}
function north(place: { lat: number; lng: number }, km: number) {
  return { lat: place.lat + km / KM_PER_DEGREE, lng: place.lng };
}

describe('venues and recommendations', () => {
  let admin: ApiClient;

  beforeAll(async () => {
    admin = await signInAdmin();
  });

  const createVenue = async (
    place: { lat: number; lng: number },
    extra: Partial<CreateVenue> = {},
  ) => {
    const answer = await admin.api.POST('/api/v1/venues', {
      // Without a capacity, the venue takes the documented default.
      body: { name: 'Spot', category: 'cafe', priceLevel: 2, ...place, ...extra },
    });
    return expectData(answer, 201);
  };

  const livingAt = async (person: Person, place: { lat: number; lng: number }) => {
    const answer = await person.api.PATCH('/api/v1/users/me', {
      body: { location: { ...place, city: null } },
    });
    expectData(answer, 200);
    return person;
  };

  const recoVenues = async (person: Person, query: VenueQuery = {}) =>
    expectData(
      await person.api.GET('/api/v1/reco/venues', { params: { query: { limit: 100, ...query } } }),
      200,
    ).items;
  const recoPeople = async (person: Person) =>
    expectData(
      await person.api.GET('/api/v1/reco/people', { params: { query: { limit: 100 } } }),
      200,
    ).items;
  const meet = (person: Person, other: Person, limit?: number) =>
    person.api.GET('/api/v1/reco/venues/meet', { params: { query: { with: other.id, limit } } });

  it('lets only admins create venues and names each bad field', async () => {
    const ada = await signUp('Ada');
    const refused = await ada.api.POST('/api/v1/venues', {
      body: { name: 'Mine', category: 'bar', lat: 1, lng: 1, priceLevel: 1, capacity: 20 },
    });
    expect(expectProblem(refused, 403).code).toBe('COMMON.FORBIDDEN');

    // Outside the document's limits: sent untyped.
    const bad = await admin.post<Problem>('/venues', {
      name: '',
      category: 'casino',
      lat: 91,
      lng: 0,
      priceLevel: 5,
      rating: 6,
      capacity: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(
      ['capacity', 'category', 'lat', 'name', 'priceLevel', 'rating'].sort(),
    );

    const venue = await createVenue(somewhere(), { name: 'Le Nid', description: 'Quiet corner' });
    expect(venue.capacity).toBe(20);
    const read = await ada.api.GET('/api/v1/venues/{id}', { params: { path: { id: venue.id } } });
    expect(expectData(read, 200)).toMatchObject({ id: venue.id, name: 'Le Nid', category: 'cafe' });
    const unknown = await ada.api.GET('/api/v1/venues/{id}', {
      params: { path: { id: UNKNOWN_ID } },
    });
    expectProblem(unknown, 404);
  });

  it('recommends venues by the default formula, with filters and interactions', async () => {
    const home = somewhere();
    const ada = await livingAt(await signUp('Ada'), home);
    const atHome = await createVenue(home, { category: 'bar', priceLevel: 1 });
    const oneKm = await createVenue(north(home, 1), { category: 'bar', priceLevel: 1 });
    const dear = await createVenue(north(home, 1), { category: 'bar', priceLevel: 4 });
    const items = await waitFor(
      async () => {
        const found = await recoVenues(ada, {
          maxDistanceKm: 5,
          category: 'bar',
          maxPriceLevel: 2,
        });
        return found.some((i) => i.distanceKm !== null) && found;
      },
      { timeoutMs: 10_000, message: "reco to learn Ada's home" },
    );
    expect(items.map((i) => [i.venueId, i.score])).toEqual([
      [atHome.id, 0.4],
      [oneKm.id, 0.2963],
    ]);
    expect(items.map((i) => i.venueId)).not.toContain(dear.id);

    type Interaction = components['schemas']['InteractionDto'];
    // Without dwellSeconds, the documented default applies.
    const interact = (id: string, body: Interaction) =>
      ada.api.POST('/api/v1/venues/{id}/interactions', { params: { path: { id } }, body });
    expectData(await interact(oneKm.id, { type: 'like', dwellSeconds: 150 }), 201);
    expectProblem(await interact(UNKNOWN_ID, { type: 'like' }), 404);
    // Outside the document's limits: sent untyped.
    const bad = await ada.client.post<Problem>(`/venues/${oneKm.id}/interactions`, {
      type: 'love',
      dwellSeconds: 90_000,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(['dwellSeconds', 'type']);

    const after = await recoVenues(ada, { maxDistanceKm: 5, category: 'bar' });
    expect(after[0]).toMatchObject({ venueId: oneKm.id });
    expect(after[0].factors.preference).toBe(1);

    // A latitude without a longitude, which the document does not allow: sent untyped.
    const missingLng = await ada.client.get<Problem>('/reco/venues?lat=10');
    expect(missingLng.status).toBe(400);
    expect(missingLng.body.errors?.map((e) => e.path)).toEqual(['lat']);
  });

  it('ranks companions from real connections and matches; a deleted person vanishes', async () => {
    const [ada, bea, cyd] = await Promise.all([signUp('Ada'), signUp('Bea'), signUp('Cyd')]);
    const request = await ada.api.POST('/api/v1/users/me/connections', {
      body: { userId: bea.id },
    });
    expectData(request, 201);
    const accepted = await bea.api.POST('/api/v1/users/me/connections/{userId}/accept', {
      params: { path: { userId: ada.id } },
    });
    expectData(accepted, 200);
    // Matching learns of new people within a couple of seconds.
    const likes = async (person: Person, other: Person) =>
      (
        await person.api.POST('/api/v1/matching/swipes', {
          body: { targetUserId: other.id, action: 'like' },
        })
      ).response.status === 201;
    await waitFor(() => likes(ada, cyd), {
      timeoutMs: 10_000,
      message: 'matching to learn of Cyd',
    });
    await waitFor(() => likes(cyd, ada), {
      timeoutMs: 10_000,
      message: 'matching to learn of Ada',
    });
    const items = await waitFor(
      async () => {
        const found = await recoPeople(ada);
        return found.length === 2 && found;
      },
      { timeoutMs: 10_000, message: 'reco to learn the connection and the match' },
    );
    expect(items).toEqual([
      { userId: cyd.id, score: 0.48, factors: { strength: 0.8, venue: 0, category: 0 } },
      { userId: bea.id, score: 0.3, factors: { strength: 0.5, venue: 0, category: 0 } },
    ]);
    const unknown = await ada.api.GET('/api/v1/reco/people', {
      params: { query: { venueId: UNKNOWN_ID } },
    });
    expectProblem(unknown, 404);

    expect((await cyd.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
    await waitFor(
      async () => {
        const found = await recoPeople(ada);
        return found.length === 1 && found[0].userId === bea.id;
      },
      { timeoutMs: 10_000, message: 'Cyd to vanish from recommendations' },
    );
  });

  it('finds meeting places fair to both people', async () => {
    const place = somewhere();
    // Bea lives at the centre of her cell: Ada is shown her trips from where she is.
    const beasHome = locationCell(north(place, 10));
    const along = (fraction: number) => ({
      lat: place.lat + (beasHome.lat - place.lat) * fraction,
      lng: place.lng + (beasHome.lng - place.lng) * fraction,
    });
    const [ada, bea] = await Promise.all([
      signUp('Ada').then((p) => livingAt(p, place)),
      signUp('Bea').then((p) => livingAt(p, beasHome)),
    ]);
    const nextToAda = await createVenue(along(0.1));
    const halfway = await createVenue(along(0.5));
    const nextToBea = await createVenue(along(0.98));
    const mine = new Set([nextToAda.id, halfway.id, nextToBea.id]);
    const items = await waitFor(
      async () => {
        const { data } = await meet(ada, bea, 10);
        return data?.items;
      },
      { timeoutMs: 10_000, message: 'reco to learn both homes' },
    );
    expect(items.filter((i) => mine.has(i.venueId)).map((i) => i.venueId)).toEqual([
      halfway.id,
      nextToAda.id,
      nextToBea.id,
    ]);
    expect(items[0].you.distanceKm).toBeCloseTo(greatCircleKm(place, along(0.5)), 3);
    expect(items[0].them.distanceKm).toBe(shownDistanceKm(greatCircleKm(beasHome, along(0.5))));
    expect(items[0].distanceKm).toBe(Math.max(items[0].you.distanceKm, items[0].them.distanceKm));

    const homeless = await signUp('Cyd');
    const noHome = await waitFor(
      async () => {
        const answer = await meet(ada, homeless);
        return answer.response.status !== 404 && answer;
      },
      { timeoutMs: 10_000, message: 'reco to learn of Cyd' },
    );
    expect(expectProblem(noHome, 409).code).toBe('RECO.LOCATION_MISSING');

    // Never across a block, either way: as for an unknown person.
    expectData(await bea.api.POST('/api/v1/users/me/blocks', { body: { userId: ada.id } }), 201);
    for (const [caller, other] of [
      [ada, bea],
      [bea, ada],
    ]) {
      const blocked = await waitFor(
        async () => {
          const answer = await meet(caller, other);
          return answer.response.status === 404 && answer;
        },
        { timeoutMs: 10_000, message: 'reco to learn of the block' },
      );
      expect(expectProblem(blocked, 404).code).toBe('RECO.USER_NOT_FOUND');
    }
  });
});
