import { randomUUID } from 'node:crypto';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject } from '@nestjs/swagger';
import { BOOKING_ERRORS, TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector, ResponseValidator, TestResponse } from '@rendezvous/testing';
import {
  apiOperations,
  bodyExamples,
  collectMessages,
  openApiResponseValidator,
  testKafka,
  undocumentedAnswers,
  waitFor,
} from '@rendezvous/testing';
import type { BookingTestApp, Person } from './booking-test-app';
import { inHours, startBookingApp } from './booking-test-app';

describe('booking agent OpenAPI document', () => {
  let t: BookingTestApp;
  let kafka: KafkaCollector;
  let document: OpenAPIObject;
  let check: ResponseValidator;
  let venueId: string;
  let ada: Person;
  let bob: Person;

  beforeAll(async () => {
    t = await startBookingApp();
    kafka = await collectMessages(testKafka(), [TOPICS.PLAN_CONFIRMED]);
    const served = await t.app.inject({ method: 'GET', url: '/docs-json' });
    document = JSON.parse(served.body) as OpenAPIObject;
    check = openApiResponseValidator(document, { closed: true });
    venueId = await t.venue();
    ada = await t.person();
    bob = await t.person();
  });

  afterAll(async () => {
    await kafka.stop();
    await t.close();
  });

  const conforms = (method: string, path: string, response: TestResponse<unknown>) =>
    expect(check(method, path, response)).toEqual([]);

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('documents every operation’s success answer with its schema', () => {
    expect(undocumentedAnswers(document)).toEqual([]);
    const operations = apiOperations(document);
    expect(operations.map(({ method, path }) => `${method} ${path}`).sort()).toEqual([
      'get /api/v1/bookings',
      'get /api/v1/plans',
      'get /api/v1/plans/suggestions',
      'get /api/v1/plans/{id}',
      'post /api/v1/plans',
      'post /api/v1/plans/{id}/accept',
      'post /api/v1/plans/{id}/cancel',
      'post /api/v1/plans/{id}/confirm',
      'post /api/v1/plans/{id}/decline',
    ]);
    for (const { operation } of operations) expect(operation['security']).toEqual([{ bearer: [] }]);
  });

  it('shows a valid request as the example of POST /plans', async () => {
    const [example, ...more] = bodyExamples(document, 'post', '/api/v1/plans');
    expect(more).toEqual([]);
    // Its ids name nobody here: valid, then unknown.
    const asShown = await t.request('POST', '/plans', { token: ada.token, body: example });
    expect(asShown.body['code']).toBe(BOOKING_ERRORS.VENUE_NOT_FOUND);
    const withKnownIds = await t.request('POST', '/plans', {
      token: ada.token,
      body: { ...(example as object), venueId, inviteeIds: [bob.id] },
    });
    expect(withKnownIds.status).toBe(201);
  });

  it('describes the real answers: plans, their booking, confirmations, suggestions', async () => {
    const created = await t.request('POST', '/plans', {
      token: ada.token,
      body: { venueId, startsAt: inHours(48).toISOString(), inviteeIds: [bob.id] },
    });
    expect(created.status).toBe(201);
    conforms('post', '/api/v1/plans', created);
    const id = String(created.body['id']);
    const path = '/api/v1/plans/{id}';

    const notInvitee = await t.request('POST', `/plans/${id}/accept`, { token: ada.token });
    expect(notInvitee.status).toBe(403);
    conforms('post', `${path}/accept`, notInvitee);
    const accepted = await t.request('POST', `/plans/${id}/accept`, { token: bob.token });
    expect(accepted.body['status']).toBe('booking');
    conforms('post', `${path}/accept`, accepted);

    const confirmed = await waitFor(() => kafka.envelopes(TOPICS.PLAN_CONFIRMED, id)[0]);
    await t.deliver(confirmed);
    const booked = await t.request('GET', `/plans/${id}`, { token: bob.token });
    expect(booked.body['booking']).toMatchObject({ status: 'confirmed', partySize: 2 });
    conforms('get', path, booked);
    const repeat = await t.request('POST', `/plans/${id}/confirm`, { token: ada.token });
    expect(repeat).toMatchObject({ status: 202, body: { status: 'booked' } });
    conforms('post', `${path}/confirm`, repeat);

    const plans = await t.request('GET', '/plans?limit=1', { token: ada.token });
    expect(plans.body['items']).toHaveLength(1);
    conforms('get', '/api/v1/plans', plans);
    const bookings = await t.request('GET', '/bookings', { token: bob.token });
    expect(bookings.body['items']).toHaveLength(1);
    conforms('get', '/api/v1/bookings', bookings);

    await t.slot(ada.id, inHours(72), inHours(74));
    const suggestions = await t.request('GET', `/plans/suggestions?with=${bob.id}`, {
      token: ada.token,
    });
    expect(suggestions.body['items']).toHaveLength(1);
    conforms('get', '/api/v1/plans/suggestions', suggestions);

    const proposed = await t.request('POST', '/plans', {
      token: ada.token,
      body: { venueId, startsAt: inHours(50).toISOString(), inviteeIds: [bob.id, randomUUID()] },
    });
    expect(proposed.status).toBe(404);
    conforms('post', '/api/v1/plans', proposed);
    const declined = await t.request('POST', `/plans/${id}/decline`, { token: bob.token });
    conforms('post', `${path}/decline`, declined);
    const cancelled = await t.request('POST', `/plans/${id}/cancel`, { token: ada.token });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', booking: { status: 'cancelled' } });
    conforms('post', `${path}/cancel`, cancelled);
    const refused = await t.request('POST', `/plans/${id}/confirm`, { token: ada.token });
    expect(refused.status).toBe(409);
    conforms('post', `${path}/confirm`, refused);
  });
});
