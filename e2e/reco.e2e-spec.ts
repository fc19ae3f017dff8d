import { greatCircleKm, locationCell, shownDistanceKm } from '@rendezvous/contracts';
import { waitFor } from '@rendezvous/testing';
import type { ApiClient, Person } from './support/api-client';
import { signInAdmin, signUp } from './support/api-client';

interface Venue {
  id: string;
  name: string;
  category: string;
  capacity: number;
}
interface VenueItem {
  venueId: string;
  name: string;
  score: number;
  distanceKm: number | null;
  factors: Record<string, number>;
}
interface PersonItem {
  userId: string;
  score: number;
  factors: Record<string, number>;
}
interface MeetItem {
  venueId: string;
  distanceKm: number;
  score: number;
  you: { distanceKm: number; score: number };
  them: { distanceKm: number; score: number };
}
interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

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

  const createVenue = async (place: { lat: number; lng: number }, extra: object = {}) => {
    const response = await admin.post<Venue>('/venues', {
      name: 'Spot',
      category: 'cafe',
      priceLevel: 2,
      ...place,
      ...extra,
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  const livingAt = async (person: Person, place: { lat: number; lng: number }) => {
    const response = await person.client.request('PATCH', '/users/me', {
      body: { location: { ...place, city: null } },
    });
    expect(response.status).toBe(200);
    return person;
  };

  const recoVenues = (person: Person, query = '') =>
    person.client.get<{ items: VenueItem[] }>(`/reco/venues?limit=100${query}`);
  const recoPeople = (person: Person, query = '') =>
    person.client.get<{ items: PersonItem[] }>(`/reco/people?limit=100${query}`);

  it('lets only admins create venues and names each bad field', async () => {
    const ada = await signUp('Ada');
    const refused = await ada.client.post<Problem>('/venues', {
      name: 'Mine',
      category: 'bar',
      lat: 1,
      lng: 1,
      priceLevel: 1,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('COMMON.FORBIDDEN');

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
    const read = await ada.client.get<Venue>(`/venues/${venue.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: venue.id, name: 'Le Nid', category: 'cafe' });
    expect((await ada.client.get('/venues/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('recommends venues by the default formula, with filters and interactions', async () => {
    const home = somewhere();
    const ada = await livingAt(await signUp('Ada'), home);
    const atHome = await createVenue(home, { category: 'bar', priceLevel: 1 });
    const oneKm = await createVenue(north(home, 1), { category: 'bar', priceLevel: 1 });
    const dear = await createVenue(north(home, 1), { category: 'bar', priceLevel: 4 });
    const items = await waitFor(
      async () => {
        const { body } = await recoVenues(ada, '&maxDistanceKm=5&category=bar&maxPriceLevel=2');
        return body.items.some((i) => i.distanceKm !== null) && body.items;
      },
      { timeoutMs: 10_000, message: "reco to learn Ada's home" },
    );
    expect(items.map((i) => [i.venueId, i.score])).toEqual([
      [atHome.id, 0.4],
      [oneKm.id, 0.2963],
    ]);
    expect(items.map((i) => i.venueId)).not.toContain(dear.id);

    const logged = await ada.client.post(`/venues/${oneKm.id}/interactions`, {
      type: 'like',
      dwellSeconds: 150,
    });
    expect(logged.status).toBe(201);
    const unknown = await ada.client.post(
      '/venues/00000000-0000-4000-8000-000000000000/interactions',
      {
        type: 'like',
      },
    );
    expect(unknown.status).toBe(404);
    const bad = await ada.client.post<Problem>(`/venues/${oneKm.id}/interactions`, {
      type: 'love',
      dwellSeconds: 90_000,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(['dwellSeconds', 'type']);

    const after = (await recoVenues(ada, '&maxDistanceKm=5&category=bar')).body.items;
    expect(after[0]).toMatchObject({ venueId: oneKm.id });
    expect(after[0].factors.preference).toBe(1);

    const missingLng = await ada.client.get<Problem>('/reco/venues?lat=10');
    expect(missingLng.status).toBe(400);
    expect(missingLng.body.errors?.map((e) => e.path)).toEqual(['lat']);
  });

  it('ranks companions from real connections and matches; a deleted person vanishes', async () => {
    const [ada, bea, cyd] = await Promise.all([signUp('Ada'), signUp('Bea'), signUp('Cyd')]);
    expect((await ada.client.post('/users/me/connections', { userId: bea.id })).status).toBe(201);
    expect((await bea.client.post(`/users/me/connections/${ada.id}/accept`)).status).toBe(200);
    // Matching learns of new people within a couple of seconds.
    await waitFor(
      async () =>
        (await ada.client.post('/matching/swipes', { targetUserId: cyd.id, action: 'like' }))
          .status === 201,
      { timeoutMs: 10_000, message: 'matching to learn of Cyd' },
    );
    await waitFor(
      async () =>
        (await cyd.client.post('/matching/swipes', { targetUserId: ada.id, action: 'like' }))
          .status === 201,
      { timeoutMs: 10_000, message: 'matching to learn of Ada' },
    );
    const items = await waitFor(
      async () => {
        const { body } = await recoPeople(ada);
        return body.items.length === 2 && body.items;
      },
      { timeoutMs: 10_000, message: 'reco to learn the connection and the match' },
    );
    expect(items).toEqual([
      { userId: cyd.id, score: 0.48, factors: { strength: 0.8, venue: 0, category: 0 } },
      { userId: bea.id, score: 0.3, factors: { strength: 0.5, venue: 0, category: 0 } },
    ]);
    const unknown = await ada.client.get(
      '/reco/people?venueId=00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.status).toBe(404);

    expect((await cyd.client.request('DELETE', '/users/me')).status).toBe(204);
    await waitFor(
      async () => {
        const { body } = await recoPeople(ada);
        return body.items.length === 1 && body.items[0].userId === bea.id;
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
        const response = await ada.client.get<{ items: MeetItem[] }>(
          `/reco/venues/meet?with=${bea.id}&limit=10`,
        );
        return response.status === 200 && response.body.items;
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
        const response = await ada.client.get<Problem>(`/reco/venues/meet?with=${homeless.id}`);
        return response.status !== 404 && response;
      },
      { timeoutMs: 10_000, message: 'reco to learn of Cyd' },
    );
    expect(noHome.status).toBe(409);
    expect(noHome.body.code).toBe('RECO.LOCATION_MISSING');

    // Never across a block, either way: as for an unknown person.
    expect((await bea.client.post('/users/me/blocks', { userId: ada.id })).status).toBe(201);
    for (const [caller, other] of [
      [ada, bea],
      [bea, ada],
    ]) {
      const blocked = await waitFor(
        async () => {
          const response = await caller.client.get<Problem>(`/reco/venues/meet?with=${other.id}`);
          return response.status === 404 && response;
        },
        { timeoutMs: 10_000, message: 'reco to learn of the block' },
      );
      expect(blocked.body.code).toBe('RECO.USER_NOT_FOUND');
    }
  });
});
