import { randomUUID } from 'node:crypto';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject } from '@nestjs/swagger';
import { locationCell } from '@rendezvous/contracts';
import type { ResponseValidator, TestResponse } from '@rendezvous/testing';
import {
  apiOperations,
  bodyExamples,
  openApiResponseValidator,
  undocumentedAnswers,
  uniqueName,
} from '@rendezvous/testing';
import type { MatchingTestApp } from './matching-test-app';
import { startMatchingApp } from './matching-test-app';

const API = '/api/v1/matching';

describe('matching service OpenAPI document', () => {
  let t: MatchingTestApp;
  let document: OpenAPIObject;
  let check: ResponseValidator;

  beforeAll(async () => {
    t = await startMatchingApp({ MATCHING_SUPER_LIKES_PER_DAY: '1' });
    const served = await t.app.inject({ method: 'GET', url: '/docs-json' });
    document = JSON.parse(served.body) as OpenAPIObject;
    check = openApiResponseValidator(document, { closed: true });
  });

  afterAll(() => t.close());

  const conforms = (method: string, path: string, response: TestResponse<unknown>) =>
    expect(check(method, `${API}${path}`, response)).toEqual([]);

  const someone = async (overrides: Parameters<MatchingTestApp['person']>[0] = {}) => {
    const state = await t.person(overrides);
    return { id: state.userId, token: await t.token(state.userId) };
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

  it('describes discovery, swipes and matches as they answer', async () => {
    const here = { ...locationCell({ lat: 52.52, lng: 13.405 }), city: null };
    const ada = await someone({ profile: { location: here, interests: ['rust', 'chess'] } });
    const bob = await someone({
      profile: { location: here, interests: ['rust'], headline: 'Systems programmer' },
    });
    const nowhere = await someone();

    const page = await t.request('GET', '/matching/discover?limit=2', { token: ada.token });
    expect(page.status).toBe(200);
    conforms('get', '/discover', page);
    const next = await t.request(
      'GET',
      `/matching/discover?cursor=${String(page.body.nextCursor)}`,
      {
        token: ada.token,
      },
    );
    conforms('get', '/discover', next);
    const unknownEvent = await t.request('GET', `/matching/discover?eventId=${randomUUID()}`, {
      token: ada.token,
    });
    expect(unknownEvent.status).toBe(404);
    conforms('get', '/discover', unknownEvent);
    conforms('get', '/discover', await t.request('GET', '/matching/discover'));

    const swipe = (from: { token: string }, targetUserId: string, action = 'like') =>
      t.request('POST', '/matching/swipes', { token: from.token, body: { targetUserId, action } });
    const liked = await swipe(ada, bob.id);
    expect(liked.body).toEqual({ matched: false });
    conforms('post', '/swipes', liked);
    const matched = await swipe(bob, ada.id, 'super_like');
    expect(matched.body).toMatchObject({ matched: true });
    conforms('post', '/swipes', matched);
    const limited = await swipe(bob, nowhere.id, 'super_like');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    conforms('post', '/swipes', limited);
    for (const [answer, status] of [
      [await swipe(ada, bob.id), 409],
      [await swipe(ada, randomUUID()), 404],
      [await swipe(ada, ada.id), 400],
    ] as const) {
      expect(answer.status).toBe(status);
      conforms('post', '/swipes', answer);
    }

    const matches = await t.request('GET', '/matching/matches', { token: ada.token });
    expect(matches.body.items).toHaveLength(1);
    conforms('get', '/matches', matches);
    const matchId = String((matched.body.match as { id: string }).id);
    const unmatched = await t.request('DELETE', `/matching/matches/${matchId}`, {
      token: ada.token,
    });
    expect(unmatched.status).toBe(204);
    conforms('delete', '/matches/{id}', unmatched);
    const notTheirs = await t.request('DELETE', `/matching/matches/${matchId}`, {
      token: nowhere.token,
    });
    expect(notTheirs.status).toBe(404);
    conforms('delete', '/matches/{id}', notTheirs);
  });

  it('describes the queue as it answers: tickets, pairs and confirmations', async () => {
    const [ada, bob, cy, dee] = await Promise.all([someone(), someone(), someone(), someone()]);
    const topic = uniqueName('graph theory');
    const enqueue = (who: { token: string }, difficulty = 'easy') =>
      t.request('POST', '/matching/queue', { token: who.token, body: { topic, difficulty } });

    const created = await enqueue(ada);
    expect(created.status).toBe(201);
    conforms('post', '/queue', created);
    const same = await enqueue(ada);
    expect(same.status).toBe(200);
    conforms('post', '/queue', same);
    const other = await enqueue(ada, 'hard');
    expect(other.status).toBe(409);
    conforms('post', '/queue', other);

    const paired = await enqueue(bob);
    expect(paired.body).toMatchObject({ status: 'matched', matchId: expect.any(String) });
    conforms('post', '/queue', paired);
    const ticket = await t.request('GET', `/matching/queue/${String(created.body.ticketId)}`, {
      token: ada.token,
    });
    expect(ticket.body.status).toBe('matched');
    conforms('get', '/queue/{ticketId}', ticket);
    const confirmPath = '/queue/matches/{matchId}/confirm';
    const confirm = (who: { token: string }, matchId: unknown, accept: boolean) =>
      t.request('POST', `/matching/queue/matches/${String(matchId)}/confirm`, {
        token: who.token,
        body: { accept },
      });
    const waiting = await confirm(ada, paired.body.matchId, true);
    expect(waiting.status).toBe(202);
    conforms('post', confirmPath, waiting);
    const ready = await confirm(bob, paired.body.matchId, true);
    expect(ready.body).toMatchObject({ status: 'ready' });
    conforms('post', confirmPath, ready);
    const outsider = await confirm(cy, paired.body.matchId, true);
    expect(outsider.status).toBe(404);
    conforms('post', confirmPath, outsider);

    const cyTicket = await enqueue(cy, 'medium');
    const deePair = await enqueue(dee, 'medium');
    const declined = await confirm(dee, deePair.body.matchId, false);
    expect(declined.body).toEqual({ status: 'cancelled' });
    conforms('post', confirmPath, declined);
    const left = await t.request('DELETE', `/matching/queue/${String(cyTicket.body.ticketId)}`, {
      token: cy.token,
    });
    expect(left.status).toBe(204);
    conforms('delete', '/queue/{ticketId}', left);
    const gone = await t.request('GET', `/matching/queue/${String(cyTicket.body.ticketId)}`, {
      token: dee.token,
    });
    expect(gone.status).toBe(404);
    conforms('get', '/queue/{ticketId}', gone);
  });

  it('shows requests that pass validation as its body examples', async () => {
    const caller = await someone();
    for (const [method, path, url, expected] of [
      ['POST', '/swipes', '/matching/swipes', 404],
      ['POST', '/queue', '/matching/queue', 201],
      [
        'POST',
        '/queue/matches/{matchId}/confirm',
        `/matching/queue/matches/${randomUUID()}/confirm`,
        404,
      ],
    ] as const) {
      const [example] = bodyExamples(document, method, `${API}${path}`);
      const answer = await t.request(method, url, { token: caller.token, body: example });
      expect({ path, status: answer.status }).toEqual({ path, status: expected });
    }
  });
});
