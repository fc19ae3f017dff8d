import { randomUUID } from 'node:crypto';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ResponseValidator, TestResponse } from '@rendezvous/testing';
import {
  apiOperations,
  bodyExamples,
  openApiResponseValidator,
  undocumentedAnswers,
} from '@rendezvous/testing';
import type { EventTestApp, Person } from './event-test-app';
import { anEvent, startEventApp } from './event-test-app';

describe('event service OpenAPI document', () => {
  let t: EventTestApp;
  let document: OpenAPIObject;
  let check: ResponseValidator;
  let organizer: Person;
  let attendee: Person;

  beforeAll(async () => {
    t = await startEventApp();
    const served = await t.app.inject({ method: 'GET', url: '/docs-json' });
    document = JSON.parse(served.body) as OpenAPIObject;
    check = openApiResponseValidator(document, { closed: true });
    organizer = await t.person();
    attendee = await t.person();
  });

  afterAll(() => t.close());

  const conforms = (method: string, path: string, response: TestResponse<unknown>) =>
    expect(check(method, path, response)).toEqual([]);

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('documents every operation’s success answer with its schema (204 without a body)', () => {
    expect(undocumentedAnswers(document)).toEqual([]);
    const operations = apiOperations(document);
    expect(operations.map(({ method, path }) => `${method} ${path}`).sort()).toEqual([
      'delete /api/v1/events/{id}',
      'delete /api/v1/events/{id}/registrations/me',
      'get /api/v1/events',
      'get /api/v1/events/{id}',
      'get /api/v1/events/{id}/attendees',
      'get /api/v1/events/{id}/calendar.ics',
      'patch /api/v1/events/{id}',
      'post /api/v1/events',
      'post /api/v1/events/{id}/registrations',
    ]);
    for (const { operation } of operations) expect(operation['security']).toEqual([{ bearer: [] }]);
  });

  it('shows valid requests as the body examples', async () => {
    const [create, ...more] = bodyExamples(document, 'post', '/api/v1/events');
    const [patch] = bodyExamples(document, 'patch', '/api/v1/events/{id}');
    const [cancel] = bodyExamples(document, 'delete', '/api/v1/events/{id}');
    expect(more).toEqual([]);
    const created = await t.request('POST', '/events', { token: organizer.token, body: create });
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    const patched = await t.request('PATCH', `/events/${id}`, {
      token: organizer.token,
      body: patch,
    });
    expect(patched.status).toBe(200);
    const cancelled = await t.request('DELETE', `/events/${id}`, {
      token: (await t.person({ role: 'moderator' })).token,
      body: cancel,
    });
    expect(cancelled.status).toBe(204);
  });

  it('describes the real answers: events, registrations, attendees, the calendar', async () => {
    const created = await t.request('POST', '/events', {
      token: organizer.token,
      body: anEvent({ capacity: 1, location: { name: 'Station F', lat: 48.8343, lng: 2.3713 } }),
    });
    expect(created.status).toBe(201);
    conforms('post', '/api/v1/events', created);
    const id = String(created.body['id']);
    const path = '/api/v1/events/{id}';

    const read = await t.request('GET', `/events/${id}`, { token: attendee.token });
    conforms('get', path, read);
    const undocumented = { ...read, text: JSON.stringify({ ...read.body, venueId: id }) };
    expect(check('get', path, undocumented)).toEqual([
      'GET /api/v1/events/{id} → 200: (body) must NOT have additional properties',
    ]);
    const patched = await t.request('PATCH', `/events/${id}`, {
      token: organizer.token,
      body: { description: null, tags: null },
    });
    expect(patched.body['description']).toBe('');
    conforms('patch', path, patched);
    const notTheirs = await t.request('PATCH', `/events/${id}`, {
      token: attendee.token,
      body: { capacity: 5 },
    });
    expect(notTheirs.status).toBe(403);
    conforms('patch', path, notTheirs);

    const listed = await t.request('GET', '/events?near=48.8566,2.3522&radiusKm=20&limit=100', {
      token: attendee.token,
    });
    expect(listed.status).toBe(200);
    conforms('get', '/api/v1/events', listed);

    const seated = await t.request('POST', `/events/${id}/registrations`, {
      token: attendee.token,
    });
    expect(seated.body['status']).toBe('registered');
    conforms('post', `${path}/registrations`, seated);
    const waiting = await t.request('POST', `/events/${id}/registrations`, {
      token: (await t.person()).token,
    });
    expect(waiting.body['status']).toBe('waitlisted');
    conforms('post', `${path}/registrations`, waiting);
    const twice = await t.request('POST', `/events/${id}/registrations`, {
      token: attendee.token,
    });
    expect(twice.status).toBe(409);
    conforms('post', `${path}/registrations`, twice);

    const attendees = await t.request('GET', `/events/${id}/attendees?limit=1`, {
      token: organizer.token,
    });
    expect(attendees.body['items']).toHaveLength(1);
    conforms('get', `${path}/attendees`, attendees);

    const calendar = await t.request('GET', `/events/${id}/calendar.ics`, {
      token: attendee.token,
    });
    expect(calendar.status).toBe(200);
    const documented = document.paths[`${path}/calendar.ics`]?.get?.responses['200'];
    const contentType = String(calendar.headers['content-type']).split(';')[0];
    expect(documented && 'content' in documented && documented.content).toEqual({
      [contentType]: { schema: { type: 'string' } },
    });

    conforms(
      'delete',
      `${path}/registrations/me`,
      await t.request('DELETE', `/events/${id}/registrations/me`, { token: attendee.token }),
    );
    conforms(
      'delete',
      path,
      await t.request('DELETE', `/events/${id}`, { token: organizer.token }),
    );
    const unknown = await t.request('GET', `/events/${randomUUID()}`, {
      token: attendee.token,
    });
    expect(unknown.status).toBe(404);
    conforms('get', path, unknown);
  });
});
