import { randomUUID } from 'node:crypto';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject } from '@nestjs/swagger';
import { TOPICS } from '@rendezvous/contracts';
import type {
  ResponseValidator,
  TestRequest,
  TestResponse,
  TokenIssuer,
} from '@rendezvous/testing';
import {
  anEnvelope,
  apiOperations,
  apiRequests,
  bodyExamples,
  openApiResponseValidator,
  startTokenIssuer,
  undocumentedAnswers,
} from '@rendezvous/testing';
import type { RecoTestApp } from './reco-test-app';
import { startRecoApp } from './reco-test-app';

const API = '/api/v1';
const HOME = { lat: 45.764, lng: 4.8357, city: null };

describe('reco service OpenAPI document', () => {
  let issuer: TokenIssuer;
  let t: RecoTestApp;
  let request: TestRequest;
  let document: OpenAPIObject;
  let check: ResponseValidator;
  let admin: string;

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    t = await startRecoApp({ JWKS_URL: issuer.jwksUrl });
    request = apiRequests(t.app);
    const served = await t.app.inject({ method: 'GET', url: '/docs-json' });
    document = JSON.parse(served.body) as OpenAPIObject;
    check = openApiResponseValidator(document, { closed: true });
    admin = await issuer.sign(randomUUID(), 'admin');
  });

  afterAll(async () => {
    await t.close();
    issuer.close();
  });

  const conforms = (method: string, path: string, response: TestResponse<unknown>) =>
    expect(check(method, `${API}${path}`, response)).toEqual([]);
  const someone = async (home: typeof HOME | null = null) => {
    const state = await t.person(home);
    return { id: state.userId, token: await issuer.sign(state.userId) };
  };

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it("documents every operation's success answer with its schema and every body's example", () => {
    expect(undocumentedAnswers(document)).toEqual([]);
  });

  it('requires the access token on every operation and documents its 401', () => {
    for (const { method, path, operation } of apiOperations(document)) {
      expect({ method, path, security: operation.security }).toEqual({
        method,
        path,
        security: [{ bearer: [] }],
      });
      expect(operation.responses).toHaveProperty('401');
    }
  });

  it('describes venues and interactions as they answer, nullable fields included', async () => {
    const ada = await someone();
    const created = await request('POST', '/venues', {
      token: admin,
      body: {
        name: 'Bouchon',
        category: 'restaurant',
        lat: HOME.lat,
        lng: HOME.lng,
        priceLevel: 3,
      },
    });
    expect(created.body).toMatchObject({ description: null, rating: null, capacity: 20 });
    conforms('post', '/venues', created);
    const refused = await request('POST', '/venues', {
      token: ada.token,
      body: { name: 'Mine', category: 'bar', lat: 0, lng: 0, priceLevel: 1 },
    });
    expect(refused.status).toBe(403);
    conforms('post', '/venues', refused);

    const id = String(created.body.id);
    conforms('get', '/venues/{id}', await request('GET', `/venues/${id}`, { token: ada.token }));
    const unknown = await request('GET', `/venues/${randomUUID()}`, { token: ada.token });
    expect(unknown.status).toBe(404);
    conforms('get', '/venues/{id}', unknown);
    const rated = await request('PATCH', `/venues/${id}`, {
      token: admin,
      body: { description: 'Lyonnaise classics', rating: 4.5 },
    });
    expect(rated.status).toBe(200);
    conforms('patch', '/venues/{id}', rated);
    for (const [answer, status] of [
      [await request('PATCH', `/venues/${id}`, { token: ada.token, body: { rating: 1 } }), 403],
      [
        await request('PATCH', `/venues/${randomUUID()}`, { token: admin, body: { rating: 1 } }),
        404,
      ],
    ] as const) {
      expect(answer.status).toBe(status);
      conforms('patch', '/venues/{id}', answer);
    }

    const near = await request('GET', `/venues?near=${HOME.lat},${HOME.lng}&limit=1`, {
      token: ada.token,
    });
    expect(near.body.items).toEqual([expect.objectContaining({ distanceKm: expect.any(Number) })]);
    conforms('get', '/venues', near);
    conforms(
      'get',
      '/venues',
      await request('GET', '/venues?category=restaurant', { token: ada.token }),
    );

    const liked = await request('POST', `/venues/${id}/interactions`, {
      token: ada.token,
      body: { type: 'like' },
    });
    expect(liked.status).toBe(201);
    conforms('post', '/venues/{id}/interactions', liked);
    const nowhere = await request('POST', `/venues/${randomUUID()}/interactions`, {
      token: ada.token,
      body: { type: 'view', dwellSeconds: 30 },
    });
    expect(nowhere.status).toBe(404);
    conforms('post', '/venues/{id}/interactions', nowhere);
  });

  it('describes recommendations as they answer', async () => {
    const venue = await request('POST', '/venues', {
      token: admin,
      body: { name: 'Café du Rhône', category: 'cafe', lat: 45.76, lng: 4.84, priceLevel: 1 },
    });
    const venueId = String(venue.body.id);
    const [ada, bob, homeless] = [await someone(HOME), await someone(HOME), await someone()];
    const connectionId = randomUUID();
    await t.deliver(
      anEnvelope(
        TOPICS.CONNECTION_ACCEPTED,
        {
          connectionId,
          fromUserId: ada.id,
          toUserId: bob.id,
          status: 'accepted',
          types: ['request'],
          strength: 0.5,
        },
        { aggregateId: connectionId },
      ),
    );

    const fromHome = await request('GET', '/reco/venues?limit=5', { token: ada.token });
    expect(fromHome.body.items).toContainEqual(expect.objectContaining({ venueId }));
    conforms('get', '/reco/venues', fromHome);
    const popular = await request('GET', '/reco/venues?maxPriceLevel=2', { token: homeless.token });
    expect(popular.body.items).toContainEqual(expect.objectContaining({ distanceKm: null }));
    conforms('get', '/reco/venues', popular);

    const people = await request('GET', `/reco/people?venueId=${venueId}`, { token: ada.token });
    expect(people.body.items).toEqual([expect.objectContaining({ userId: bob.id })]);
    conforms('get', '/reco/people', people);
    const noVenue = await request('GET', `/reco/people?venueId=${randomUUID()}`, {
      token: ada.token,
    });
    expect(noVenue.status).toBe(404);
    conforms('get', '/reco/people', noVenue);

    const meet = await request('GET', `/reco/venues/meet?with=${bob.id}`, { token: ada.token });
    expect(meet.body.items).toContainEqual(expect.objectContaining({ venueId }));
    conforms('get', '/reco/venues/meet', meet);
    for (const [answer, status] of [
      [await request('GET', `/reco/venues/meet?with=${randomUUID()}`, { token: ada.token }), 404],
      [await request('GET', `/reco/venues/meet?with=${homeless.id}`, { token: ada.token }), 409],
      [await request('GET', `/reco/venues/meet?with=${ada.id}`, { token: ada.token }), 400],
      [await request('GET', `/reco/venues/meet?with=${bob.id}`), 401],
    ] as const) {
      expect(answer.status).toBe(status);
      conforms('get', '/reco/venues/meet', answer);
    }
  });

  it('shows requests that pass validation as its body examples', async () => {
    const [venue] = bodyExamples(document, 'post', `${API}/venues`);
    const created = await request('POST', '/venues', { token: admin, body: venue });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    const [change] = bodyExamples(document, 'patch', `${API}/venues/{id}`);
    expect((await request('PATCH', `/venues/${id}`, { token: admin, body: change })).status).toBe(
      200,
    );
    const [interaction] = bodyExamples(document, 'post', `${API}/venues/{id}/interactions`);
    const caller = await someone();
    const logged = await request('POST', `/venues/${id}/interactions`, {
      token: caller.token,
      body: interaction,
    });
    expect(logged.status).toBe(201);
  });
});
