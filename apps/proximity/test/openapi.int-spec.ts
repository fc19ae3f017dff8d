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
import type { ProximityTestApp } from './proximity-test-app';
import { startProximityApp } from './proximity-test-app';

const API = '/api/v1/proximity';
const bleToken = () => `ble-${randomUUID()}`;

describe('proximity service OpenAPI document', () => {
  let issuer: TokenIssuer;
  let t: ProximityTestApp;
  let request: TestRequest;
  let document: OpenAPIObject;
  let check: ResponseValidator;

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    t = await startProximityApp({ JWKS_URL: issuer.jwksUrl });
    request = apiRequests(t.app);
    const served = await t.app.inject({ method: 'GET', url: '/docs-json' });
    document = JSON.parse(served.body) as OpenAPIObject;
    check = openApiResponseValidator(document, { closed: true });
  });

  afterAll(async () => {
    await t.close();
    issuer.close();
  });

  const conforms = (method: string, path: string, response: TestResponse<unknown>) =>
    expect(check(method, `${API}${path}`, response)).toEqual([]);
  const someone = async (role: 'user' | 'admin' = 'user') => issuer.sign(randomUUID(), role);

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

  it('describes sessions and encounters as they answer', async () => {
    const [ada, bob] = await Promise.all([someone(), someone()]);
    const [adaToken, bobToken] = [bleToken(), bleToken()];
    const start = (token: string, body: object) =>
      request('POST', '/proximity/sessions', { token, body });
    const started = await start(ada, { bleToken: adaToken, interests: ['Rust', 'chess'] });
    expect(started.status).toBe(201);
    conforms('post', '/sessions', started);
    conforms('post', '/sessions', await start(bob, { bleToken: bobToken, interests: ['rust'] }));
    const taken = await start(bob, { bleToken: adaToken, interests: ['rust'] });
    expect(taken.status).toBe(409);
    conforms('post', '/sessions', taken);

    const report = (token: string, ownToken: string, detectedToken: string) =>
      request('POST', '/proximity/encounters', { token, body: { ownToken, detectedToken } });
    const nudged = await report(ada, adaToken, bobToken);
    expect(nudged.body).toEqual({ match: true, sharedInterests: ['tech'], nudgeSent: true });
    conforms('post', '/encounters', nudged);
    const again = await report(bob, bobToken, adaToken);
    expect(again.body).toMatchObject({ match: true, nudgeSent: false });
    conforms('post', '/encounters', again);
    conforms('post', '/encounters', await report(ada, adaToken, bleToken()));
    for (const [answer, status] of [
      [await report(bob, adaToken, bobToken), 403],
      [await report(ada, adaToken, adaToken), 400],
      [await request('POST', '/proximity/encounters', { body: {} }), 401],
    ] as const) {
      expect(answer.status).toBe(status);
      conforms('post', '/encounters', answer);
    }

    const ended = await request('DELETE', '/proximity/sessions/me', { token: ada });
    expect(ended.status).toBe(204);
    conforms('delete', '/sessions/me', ended);
  });

  it('describes the stats as they answer, to admins and to others', async () => {
    for (let i = 0; i < 5; i += 1) {
      const sessionId = randomUUID();
      await t.deliver(
        anEnvelope(
          TOPICS.PROXIMITY_SESSION_STARTED,
          {
            sessionId,
            userId: randomUUID(),
            categories: ['games'],
            expiresAt: new Date(Date.now() + 60_000).toISOString(),
          },
          { aggregateId: sessionId },
        ),
      );
    }
    const stats = await request('GET', '/proximity/stats', { token: await someone('admin') });
    expect(stats.body.topInterestCategories).toEqual([{ category: 'games', count: 5 }]);
    conforms('get', '/stats', stats);
    const refused = await request('GET', '/proximity/stats', { token: await someone() });
    expect(refused.status).toBe(403);
    conforms('get', '/stats', refused);
  });

  it('shows requests that pass validation as its body examples', async () => {
    const caller = await someone();
    const [session] = bodyExamples(document, 'post', `${API}/sessions`);
    const started = await request('POST', '/proximity/sessions', { token: caller, body: session });
    expect(started.status).toBe(201);
    const [sighting] = bodyExamples(document, 'post', `${API}/encounters`);
    const reported = await request('POST', '/proximity/encounters', {
      token: caller,
      body: sighting,
    });
    expect(reported.status).toBe(200);
    await request('DELETE', '/proximity/sessions/me', { token: caller });
  });
});
