import { randomUUID } from 'node:crypto';
import type { Envelope, MatchCreatedData, Topic, TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS, USER_ERRORS } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { KafkaConsumerTransport } from '@rendezvous/platform';
import { collectMessages, silentLogger, testKafka, uniqueName, waitFor } from '@rendezvous/testing';
import type { Producer } from 'kafkajs';
import { MatchEventsConsumer } from '../src/connections/match-events.consumer';
import type { UserTestApp } from './user-test-app';
import { startUserApp } from './user-test-app';

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Connection {
  userId: string;
  status: string;
  type: string;
  strength: number;
  direction?: string;
}

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('user service: timeslots, connections, blocks', () => {
  const kafka = testKafka();
  let t: UserTestApp;
  let events: KafkaCollector;
  let producer: Producer;
  let transport: KafkaConsumerTransport;

  beforeAll(async () => {
    t = await startUserApp();
    // The platform's transport with the app's handler, but in a group of its own: a user service
    // running elsewhere on this broker (group `user`) must not take this test's events.
    transport = new KafkaConsumerTransport({
      kafka,
      groupId: uniqueName('user-it'),
      logger: silentLogger,
      retries: 3,
      retryBaseMs: 50,
      retryMaxMs: 500,
      partitionsConsumedConcurrently: 3,
    });
    const consumer = t.app.get(MatchEventsConsumer);
    transport.addHandler(
      TOPICS.MATCH_CREATED,
      (event: TopicEnvelope<'match.created'>) => consumer.onMatchCreated(event),
      true,
    );
    await new Promise<void>((resolve, reject) =>
      transport.listen((error?: unknown) => (error ? reject(error as Error) : resolve())),
    );
    events = await collectMessages(kafka, [
      TOPICS.CONNECTION_REQUESTED,
      TOPICS.CONNECTION_ACCEPTED,
      TOPICS.CONNECTION_REMOVED,
      TOPICS.TIMESLOT_CREATED,
      TOPICS.USER_BLOCKED,
    ]);
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await transport.close();
    await producer.disconnect();
    await events.stop();
    await t.close();
  });

  const eventsOf = <T extends Topic>(type: T, aggregateId?: string) =>
    events.envelopes(type, aggregateId);

  describe('timeslots', () => {
    it('creates, lists by start time and deletes own slots', async () => {
      const { accessToken } = await t.signup();
      const later = await t.request('POST', '/users/me/timeslots', {
        token: accessToken,
        body: { startsAt: inHours(5), endsAt: inHours(6) },
      });
      const sooner = await t.request('POST', '/users/me/timeslots', {
        token: accessToken,
        body: { startsAt: inHours(1), endsAt: inHours(2) },
      });
      expect(later.status).toBe(201);
      expect(sooner.body).toMatchObject({ status: 'free' });
      expect(sooner.body['id']).toEqual(expect.any(String));

      const firstPage = await t.request<Page<{ id: string }>>(
        'GET',
        '/users/me/timeslots?limit=1',
        {
          token: accessToken,
        },
      );
      expect(firstPage.body.items.map((s) => s.id)).toEqual([sooner.body['id']]);
      const secondPage = await t.request<Page<{ id: string }>>(
        'GET',
        `/users/me/timeslots?limit=1&cursor=${firstPage.body.nextCursor}`,
        { token: accessToken },
      );
      expect(secondPage.body.items.map((s) => s.id)).toEqual([later.body['id']]);
      expect(secondPage.body.nextCursor).toBeNull();

      const removed = await t.request('DELETE', `/users/me/timeslots/${String(later.body['id'])}`, {
        token: accessToken,
      });
      expect(removed.status).toBe(204);
      await waitFor(() => eventsOf(TOPICS.TIMESLOT_CREATED, String(sooner.body['id'])).length > 0, {
        message: 'timeslot.created',
      });
    });

    it('rejects a slot in the past or ending before it starts, naming the field', async () => {
      const { accessToken } = await t.signup();
      const past = await t.request<Problem>('POST', '/users/me/timeslots', {
        token: accessToken,
        body: { startsAt: inHours(-2), endsAt: inHours(1) },
      });
      expect(past.status).toBe(400);
      expect(past.body.errors?.map((e) => e.path)).toEqual(['startsAt']);
      // One instant for both ends: two calls could land a millisecond apart.
      const threeHours = inHours(3);
      const backwards = await t.request<Problem>('POST', '/users/me/timeslots', {
        token: accessToken,
        body: { startsAt: threeHours, endsAt: threeHours },
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors?.map((e) => e.path)).toEqual(['endsAt']);
      const limit = await t.request<Problem>('GET', '/users/me/timeslots?limit=500', {
        token: accessToken,
      });
      expect(limit.status).toBe(400);
      expect(limit.body.errors?.map((e) => e.path)).toEqual(['limit']);
    });

    it('refuses overlapping slots with 409, also when created concurrently', async () => {
      const { accessToken } = await t.signup();
      await t.request('POST', '/users/me/timeslots', {
        token: accessToken,
        body: { startsAt: inHours(10), endsAt: inHours(12) },
      });
      const overlap = await t.request<Problem>('POST', '/users/me/timeslots', {
        token: accessToken,
        body: { startsAt: inHours(11), endsAt: inHours(13) },
      });
      expect(overlap.status).toBe(409);
      expect(overlap.body.code).toBe(USER_ERRORS.TIMESLOT_OVERLAP);

      const racing = await Promise.all(
        [0, 0.5, 1].map((offset) =>
          t.request('POST', '/users/me/timeslots', {
            token: accessToken,
            body: { startsAt: inHours(20 + offset), endsAt: inHours(22 + offset) },
          }),
        ),
      );
      expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    });

    it('hides someone else’s slot behind 404', async () => {
      const owner = await t.signup();
      const other = await t.signup();
      const slot = await t.request('POST', '/users/me/timeslots', {
        token: owner.accessToken,
        body: { startsAt: inHours(1), endsAt: inHours(2) },
      });
      const response = await t.request('DELETE', `/users/me/timeslots/${String(slot.body['id'])}`, {
        token: other.accessToken,
      });
      expect(response.status).toBe(404);
    });
  });

  describe('connections', () => {
    it('requests, accepts, lists and removes a connection', async () => {
      const alice = await t.signup();
      const bob = await t.signup();
      const request = await t.request('POST', '/users/me/connections', {
        token: alice.accessToken,
        body: { userId: bob.user.id },
      });
      expect(request.status).toBe(201);
      expect(request.body).toMatchObject({
        userId: bob.user.id,
        status: 'pending',
        type: 'request',
      });

      const twice = await t.request<Problem>('POST', '/users/me/connections', {
        token: bob.accessToken,
        body: { userId: alice.user.id },
      });
      expect(twice.status).toBe(409);
      // Only the recipient accepts.
      const byRequester = await t.request('POST', `/users/me/connections/${bob.user.id}/accept`, {
        token: alice.accessToken,
      });
      expect(byRequester.status).toBe(404);

      const bobsView = await t.request<Page<Connection>>('GET', '/users/me/connections', {
        token: bob.accessToken,
      });
      expect(bobsView.body.items).toEqual([
        {
          userId: alice.user.id,
          status: 'pending',
          type: 'request',
          strength: 0,
          direction: 'incoming',
        },
      ]);

      const accept = () =>
        t.request('POST', `/users/me/connections/${alice.user.id}/accept`, {
          token: bob.accessToken,
        });
      const accepted = await accept();
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({
        userId: alice.user.id,
        status: 'accepted',
        type: 'request',
        strength: 0.5,
        direction: 'incoming',
      });
      expect((await accept()).body).toEqual(accepted.body);

      const alicesView = await t.request<Page<Connection>>('GET', '/users/me/connections', {
        token: alice.accessToken,
      });
      expect(alicesView.body.items).toMatchObject([
        { userId: bob.user.id, status: 'accepted', type: 'request', strength: 0.5 },
      ]);

      const requested = await waitFor(
        () =>
          eventsOf(TOPICS.CONNECTION_REQUESTED).find((e) => e.data.fromUserId === alice.user.id),
        { message: 'connection.requested' },
      );
      expect(requested.recipientIds).toEqual([bob.user.id]);
      const acceptedEvents = await waitFor(
        () => {
          const found = eventsOf(TOPICS.CONNECTION_ACCEPTED, requested.data.connectionId);
          return found.length > 0 ? found : undefined;
        },
        { message: 'connection.accepted' },
      );
      expect(acceptedEvents[0].recipientIds).toEqual([alice.user.id]);
      expect(acceptedEvents[0].aggregateVersion).toBe(2);
      expect(acceptedEvents[0].data).toMatchObject({
        fromUserId: bob.user.id,
        toUserId: alice.user.id,
        status: 'accepted',
        types: ['request'],
        strength: 0.5,
      });

      const removed = await t.request('DELETE', `/users/me/connections/${bob.user.id}`, {
        token: alice.accessToken,
      });
      expect(removed.status).toBe(204);
      const again = await t.request('DELETE', `/users/me/connections/${bob.user.id}`, {
        token: alice.accessToken,
      });
      expect(again.status).toBe(404);
      // Let the repeat accept settle on Kafka before checking no second event was sent.
      const removedEvent = await waitFor(
        () => eventsOf(TOPICS.CONNECTION_REMOVED, requested.data.connectionId)[0],
        { message: 'connection.removed' },
      );
      expect(removedEvent.recipientIds).toBeUndefined();
      expect(eventsOf(TOPICS.CONNECTION_ACCEPTED, requested.data.connectionId)).toHaveLength(1);
    });

    it('refuses requests to self (400) and to unknown users (404)', async () => {
      const me = await t.signup();
      const self = await t.request<Problem>('POST', '/users/me/connections', {
        token: me.accessToken,
        body: { userId: me.user.id },
      });
      expect(self.status).toBe(400);
      expect(self.body.errors?.[0]?.path).toBe('userId');
      const unknown = await t.request('POST', '/users/me/connections', {
        token: me.accessToken,
        body: { userId: randomUUID() },
      });
      expect(unknown.status).toBe(404);
    });
  });

  describe('blocks', () => {
    it('lets two people block each other at the same moment', async () => {
      for (let round = 0; round < 5; round += 1) {
        const [a, b] = await Promise.all([t.signup(), t.signup()]);
        const blocked = await Promise.all([
          t.request('POST', '/users/me/blocks', {
            token: a.accessToken,
            body: { userId: b.user.id },
          }),
          t.request('POST', '/users/me/blocks', {
            token: b.accessToken,
            body: { userId: a.user.id },
          }),
        ]);
        expect(blocked.map((r) => r.status)).toEqual([201, 201]);
      }
    });

    it('blocks (removing the connection), lists, refuses twice and unblocks', async () => {
      const alice = await t.signup();
      const bob = await t.signup();
      await t.request('POST', '/users/me/connections', {
        token: alice.accessToken,
        body: { userId: bob.user.id },
      });
      const block = await t.request('POST', '/users/me/blocks', {
        token: bob.accessToken,
        body: { userId: alice.user.id },
      });
      expect(block.status).toBe(201);
      expect(block.body).toEqual({ userId: alice.user.id, createdAt: expect.any(String) });
      const twice = await t.request<Problem>('POST', '/users/me/blocks', {
        token: bob.accessToken,
        body: { userId: alice.user.id },
      });
      expect(twice.status).toBe(409);
      expect(
        (
          await t.request('POST', '/users/me/blocks', {
            token: bob.accessToken,
            body: { userId: bob.user.id },
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await t.request('POST', '/users/me/blocks', {
            token: bob.accessToken,
            body: { userId: randomUUID() },
          })
        ).status,
      ).toBe(404);

      const connections = await t.request<Page<Connection>>('GET', '/users/me/connections', {
        token: alice.accessToken,
      });
      expect(connections.body.items).toEqual([]);
      // Either side blocked: a new request looks like an unknown user.
      const request = await t.request('POST', '/users/me/connections', {
        token: alice.accessToken,
        body: { userId: bob.user.id },
      });
      expect(request.status).toBe(404);

      const list = await t.request<Page<{ userId: string }>>('GET', '/users/me/blocks', {
        token: bob.accessToken,
      });
      expect(list.body.items.map((b) => b.userId)).toEqual([alice.user.id]);
      const unblock = await t.request('DELETE', `/users/me/blocks/${alice.user.id}`, {
        token: bob.accessToken,
      });
      expect(unblock.status).toBe(204);
      const again = await t.request('DELETE', `/users/me/blocks/${alice.user.id}`, {
        token: bob.accessToken,
      });
      expect(again.status).toBe(404);
      const blocked = await waitFor(() => eventsOf(TOPICS.USER_BLOCKED, bob.user.id)[0], {
        message: 'user.blocked',
      });
      expect(blocked.data).toEqual({ blockerId: bob.user.id, blockedId: alice.user.id });
    });

    it('pages blocks one at a time without repeating or skipping anyone', async () => {
      const me = await t.signup();
      const others = await Promise.all([1, 2, 3, 4].map(() => t.signup()));
      await Promise.all(
        others.map((o) =>
          t.request('POST', '/users/me/blocks', {
            token: me.accessToken,
            body: { userId: o.user.id },
          }),
        ),
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=1&cursor=${cursor}` : '?limit=1';
        const page = await t.request<Page<{ userId: string }>>('GET', `/users/me/blocks${query}`, {
          token: me.accessToken,
        });
        seen.push(...page.body.items.map((b) => b.userId));
        cursor = page.body.nextCursor;
      } while (cursor && seen.length < 10);
      expect(seen.sort()).toEqual(others.map((o) => o.user.id).sort());
    });
  });

  describe('match.created', () => {
    it('is consumed by the app through @EventPattern', () => {
      expect(
        Reflect.getMetadata(PATTERN_METADATA, MatchEventsConsumer.prototype.onMatchCreated),
      ).toEqual([TOPICS.MATCH_CREATED]);
    });

    it('adds one match connection however often the event arrives', async () => {
      const alice = await t.signup();
      const bob = await t.signup();
      const matchId = randomUUID();
      const envelope: Envelope<MatchCreatedData> = {
        id: randomUUID(),
        type: TOPICS.MATCH_CREATED,
        schemaVersion: 1,
        occurredAt: new Date().toISOString(),
        source: 'matching',
        aggregateId: matchId,
        aggregateVersion: 1,
        correlationId: randomUUID().replace(/-/g, ''),
        recipientIds: [alice.user.id, bob.user.id],
        data: {
          matchId,
          userIds: [alice.user.id, bob.user.id],
          score: 0.9,
          sharedInterests: ['go'],
        },
      };
      const message = { key: matchId, value: JSON.stringify(envelope) };
      await producer.send({ topic: TOPICS.MATCH_CREATED, messages: [message, message] });

      const items = await waitFor(
        async () => {
          const response = await t.request<Page<Connection>>('GET', '/users/me/connections', {
            token: alice.accessToken,
          });
          return response.body.items.length > 0 ? response.body.items : undefined;
        },
        { message: 'the match connection', timeoutMs: 30_000 },
      );
      expect(items).toEqual([
        { userId: bob.user.id, status: 'accepted', type: 'match', strength: 0.8 },
      ]);
      const accepted = await waitFor(
        () => {
          const found = eventsOf(TOPICS.CONNECTION_ACCEPTED).filter(
            (e) => e.data.fromUserId === alice.user.id && e.data.types.includes('match'),
          );
          return found.length > 0 ? found : undefined;
        },
        { message: 'connection.accepted for the match' },
      );
      expect(accepted[0].recipientIds).toBeUndefined();

      // A later match event for a pair with an accepted request raises the strength.
      const carol = await t.signup();
      await t.request('POST', '/users/me/connections', {
        token: carol.accessToken,
        body: { userId: alice.user.id },
      });
      await t.request('POST', `/users/me/connections/${carol.user.id}/accept`, {
        token: alice.accessToken,
      });
      const second = {
        ...envelope,
        id: randomUUID(),
        data: { ...envelope.data, userIds: [carol.user.id, alice.user.id] },
      };
      await producer.send({
        topic: TOPICS.MATCH_CREATED,
        messages: [{ key: randomUUID(), value: JSON.stringify(second) }],
      });
      await waitFor(
        async () => {
          const response = await t.request<Page<Connection>>('GET', '/users/me/connections', {
            token: carol.accessToken,
          });
          const item = response.body.items[0];
          return item?.type === 'match' && item.strength === 0.8 ? item : undefined;
        },
        { message: 'request plus match', timeoutMs: 30_000 },
      );
      expect(
        eventsOf(TOPICS.CONNECTION_ACCEPTED).filter(
          (e) => e.aggregateId === accepted[0].aggregateId,
        ),
      ).toHaveLength(1);
    });
  });
});
