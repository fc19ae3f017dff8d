import { randomBytes } from 'node:crypto';
import { waitFor } from '@rendezvous/testing';
import type { Person } from './support/api-client';
import { signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';
import type { ZipkinSpan } from './support/zipkin';
import { saveListing, serviceOf, traceHolding, traceListing } from './support/zipkin';

const like = (person: Person, target: string, headers: Record<string, string> = {}) =>
  person.client.request<{ matched: boolean; match?: { id: string } }>('POST', '/matching/swipes', {
    body: { targetUserId: target, action: 'like' },
    headers,
  });

const span =
  (service: string, kind: ZipkinSpan['kind'] | undefined, name: RegExp) => (s: ZipkinSpan) =>
    serviceOf(s) === service && s.kind === kind && name.test(s.name ?? '');

describe('a trace across HTTP, Postgres, the outbox, Kafka and Socket.IO', () => {
  const sockets: RealtimeClient[] = [];
  afterAll(() => sockets.forEach((socket) => socket.close()));

  it('follows one mutual like from the client to the push, as Zipkin returns it', async () => {
    const [ada, bob] = await Promise.all([signUp('Traced'), signUp('Traced')]);
    // Matching learns of new people from user.created; until then a like is a 404.
    await waitFor(async () => (await like(ada, bob.id)).status === 201, {
      message: 'matching to learn of Bob',
    });
    const bobSocket = await connectRealtime(bob.token);
    sockets.push(bobSocket);

    const traceId = randomBytes(16).toString('hex');
    const answer = await like(bob, ada.id, {
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.matched).toBe(true);
    expect(answer.headers.get('traceparent')).toContain(traceId);
    await bobSocket.next('match.created', (p) => p.matchId === answer.body.match?.id);

    const gatewayRequest = span('gateway', 'SERVER', /^post \/api\/v1\/matching/);
    const matchingRequest = span('matching', 'SERVER', /^post \/api\/v1\/matching\/swipes$/);
    const transaction = span('matching', 'CLIENT', /^pg\.query/);
    const relay = span('matching', 'PRODUCER', /^send match\.created$/);
    const consumed = span('gateway', 'CONSUMER', /^process match\.created$/);
    const push = span('gateway', undefined, /^emit match\.created$/);
    const spans = await traceHolding(traceId, [
      gatewayRequest,
      matchingRequest,
      transaction,
      relay,
      consumed,
      push,
    ]);

    // Each step is a child of the one before it: one trace, not pieces sharing an id.
    const one = (wanted: (s: ZipkinSpan) => boolean) => spans.find(wanted) as ZipkinSpan;
    expect(one(matchingRequest).parentId).toBe(one(gatewayRequest).id);
    expect(one(relay).parentId).toBe(one(matchingRequest).id);
    expect(one(consumed).parentId).toBe(one(relay).id);
    expect(one(push).parentId).toBe(one(consumed).id);
    expect(spans.every((s) => s.traceId === traceId)).toBe(true);
    saveListing('mutual-like', traceListing(spans));
  });
});
