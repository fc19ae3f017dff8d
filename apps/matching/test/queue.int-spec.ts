import { randomUUID } from 'node:crypto';
import type {
  Envelope,
  QueueMatchCancelledData,
  QueueMatchFoundData,
  Topic,
} from '@rendezvous/contracts';
import { MATCHING_ERRORS, TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import {
  collectMessages,
  domainErrorCode,
  testKafka,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import { EnvelopeValidator } from '@rendezvous/platform';
import { QueueStore } from '../src/queue/queue-store';
import type { TicketView } from '../src/queue/queue.shapes';
import { QueueService } from '../src/queue/queue.service';
import type { MatchingTestApp } from './matching-test-app';
import { startMatchingApp } from './matching-test-app';

const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

describe('queue matchmaking', () => {
  // Two replicas of the service on the same Redis, with short timeouts; a third with long ones
  // for the crowd test, so its pairs stay pending while it is checked.
  let one: MatchingTestApp;
  let two: MatchingTestApp;
  let q1: QueueService;
  let q2: QueueService;
  let collector: KafkaCollector;

  beforeAll(async () => {
    const fast = {
      MATCHING_QUEUE_TIMEOUT_SECONDS: '6',
      MATCHING_CONFIRM_TIMEOUT_SECONDS: '2',
      MATCHING_QUEUE_WIDEN_AFTER_SECONDS: '1',
      MATCHING_QUEUE_SWEEP_INTERVAL_MS: '100',
    };
    one = await startMatchingApp(fast);
    two = await startMatchingApp(fast);
    q1 = one.app.get(QueueService);
    q2 = two.app.get(QueueService);
    collector = await collectMessages(testKafka(), [
      TOPICS.QUEUE_MATCH_FOUND,
      TOPICS.QUEUE_MATCH_READY,
      TOPICS.QUEUE_MATCH_CANCELLED,
      TOPICS.QUEUE_EXPIRED,
    ]);
  });

  const startedAt = new Date().toISOString();

  afterAll(async () => {
    await collector.stop();
    await one.close();
    await two.close();
  });

  const events = <T extends Topic>(topic: T, aggregateId: string) =>
    collector.envelopes(topic, aggregateId);

  const ticketOf = (service: QueueService, userId: string, ticket: TicketView) =>
    service.get(userId, ticket.ticketId);

  it('pairs two people on arrival and makes them ready after both confirm, once', async () => {
    const topic = uniqueName('Rust Lifetimes');
    const [ada, bob] = [randomUUID(), randomUUID()];
    const first = await q1.enqueue(ada, `  ${topic.toUpperCase()} `, 'medium');
    expect(first).toEqual({
      created: true,
      ticket: {
        ticketId: expect.any(String),
        topic: topic.toLowerCase(),
        difficulty: 'medium',
        status: 'waiting',
        expiresAt: expect.any(String),
      },
    });
    const second = await q2.enqueue(bob, topic, 'medium');
    expect(second.ticket).toMatchObject({ status: 'matched', matchId: expect.any(String) });
    const matchId = second.ticket.matchId ?? '';
    expect(await ticketOf(q1, ada, first.ticket)).toMatchObject({ status: 'matched', matchId });

    const found = await waitFor(() => events(TOPICS.QUEUE_MATCH_FOUND, matchId)[0]);
    expect(found.recipientIds?.sort()).toEqual([ada, bob].sort());
    expect(found.data).toMatchObject({ topic: topic.toLowerCase(), difficulty: 'medium' });
    expect(Date.parse(found.data.confirmBy) - Date.parse(found.occurredAt)).toBe(2000);

    expect(await q1.confirm(ada, matchId, true)).toEqual({ status: 'waiting' });
    expect(await q2.confirm(ada, matchId, true)).toEqual({ status: 'waiting' });
    const ready = await q2.confirm(bob, matchId, true);
    expect(ready).toEqual({ status: 'ready', sessionId: expect.any(String) });
    expect(await q1.confirm(bob, matchId, true)).toEqual(ready);
    expect(await q1.confirm(ada, matchId, false)).toEqual(ready);
    expect(await ticketOf(q1, ada, first.ticket)).toMatchObject({ status: 'ready' });
    expect(await domainErrorCode(q1.confirm(randomUUID(), matchId, true))).toBe(
      MATCHING_ERRORS.QUEUE_MATCH_NOT_FOUND,
    );

    await waitFor(() => events(TOPICS.QUEUE_MATCH_READY, matchId).length > 0);
    // A ready ticket is finished: the next request makes a new one.
    expect((await q1.enqueue(ada, topic, 'medium')).created).toBe(true);
    expect(events(TOPICS.QUEUE_MATCH_READY, matchId)).toHaveLength(1);
  });

  it('returns the live ticket for the same request and 409 for different parameters', async () => {
    const topic = uniqueName('go');
    const ada = randomUUID();
    const first = await q1.enqueue(ada, topic, 'easy');
    expect(await q2.enqueue(ada, topic.toUpperCase(), 'easy')).toEqual({
      created: false,
      ticket: first.ticket,
    });
    expect(await domainErrorCode(q1.enqueue(ada, topic, 'hard'))).toBe(
      MATCHING_ERRORS.TICKET_CONFLICT,
    );
    expect(await domainErrorCode(q1.enqueue(ada, uniqueName('other'), 'easy'))).toBe(
      MATCHING_ERRORS.TICKET_CONFLICT,
    );
  });

  it('cancels a ticket for its owner only', async () => {
    const topic = uniqueName('sql');
    const ada = randomUUID();
    const { ticket } = await q1.enqueue(ada, topic, 'easy');
    expect(await domainErrorCode(q1.cancel(randomUUID(), ticket.ticketId))).toBe(
      MATCHING_ERRORS.TICKET_NOT_FOUND,
    );
    expect(await domainErrorCode(q1.get(randomUUID(), ticket.ticketId))).toBe(
      MATCHING_ERRORS.TICKET_NOT_FOUND,
    );
    await q2.cancel(ada, ticket.ticketId);
    await q2.cancel(ada, ticket.ticketId);
    expect(await q1.get(ada, ticket.ticketId)).toMatchObject({ status: 'cancelled' });
    // Nobody is paired with a cancelled ticket.
    const bob = randomUUID();
    expect((await q1.enqueue(bob, topic, 'easy')).ticket.status).toBe('waiting');
  });

  it('puts the person who did not decline back at the front of the bucket', async () => {
    const topic = uniqueName('graphs');
    const [ada, bob, carol, dan] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    // Carol blocked Ada, so the two can never be paired.
    await one.app
      .get(QueueStore)
      .setBlock({ blockerId: carol, blockedId: ada, version: 1, active: true });
    const adaTicket = (await q1.enqueue(ada, topic, 'hard')).ticket;
    const { matchId } = (await q2.enqueue(bob, topic, 'hard')).ticket;
    const carolTicket = (await q1.enqueue(carol, topic, 'hard')).ticket;
    expect(carolTicket.status).toBe('waiting');

    expect(await q2.confirm(bob, matchId ?? '', false)).toEqual({ status: 'cancelled' });
    const adaAgain = await q1.get(ada, adaTicket.ticketId);
    expect(adaAgain).toEqual({ ...adaTicket, status: 'waiting', expiresAt: expect.any(String) });
    const cancelled = await waitFor(() => events(TOPICS.QUEUE_MATCH_CANCELLED, matchId ?? '')[0]);
    expect(cancelled.data).toMatchObject({
      reason: 'declined',
      requeuedTicketIds: [adaTicket.ticketId],
    });

    // Dan arrives: Ada enqueued before Carol, so Ada is first in line.
    const danTicket = (await q2.enqueue(dan, topic, 'hard')).ticket;
    expect(danTicket.status).toBe('matched');
    expect((await q1.get(ada, adaTicket.ticketId)).matchId).toBe(danTicket.matchId);
    expect((await q1.get(carol, carolTicket.ticketId)).status).toBe('waiting');
  });

  it('requeues whoever accepted when the other does not answer in time', async () => {
    const topic = uniqueName('css');
    const [ada, bob] = [randomUUID(), randomUUID()];
    const adaTicket = (await q1.enqueue(ada, topic, 'easy')).ticket;
    const bobTicket = (await q2.enqueue(bob, topic, 'easy')).ticket;
    await q1.confirm(ada, bobTicket.matchId ?? '', true);
    await waitFor(async () => (await q1.get(bob, bobTicket.ticketId)).status === 'cancelled', {
      timeoutMs: 5_000,
      message: 'the confirm timeout',
    });
    expect(await q1.get(ada, adaTicket.ticketId)).toMatchObject({ status: 'waiting' });
    const cancelled = await waitFor(
      () => events(TOPICS.QUEUE_MATCH_CANCELLED, bobTicket.matchId ?? '')[0],
    );
    expect(cancelled.data.reason).toBe('timeout');
    expect(await q1.confirm(ada, bobTicket.matchId ?? '', true)).toEqual({ status: 'cancelled' });
  });

  it('expires a ticket nobody pairs with and tells its owner', async () => {
    const ada = randomUUID();
    const { ticket } = await q1.enqueue(ada, uniqueName('cobol'), 'hard');
    await waitFor(async () => (await q1.get(ada, ticket.ticketId)).status === 'expired', {
      timeoutMs: 10_000,
      message: 'the ticket to expire',
    });
    const expired = await waitFor(() => events(TOPICS.QUEUE_EXPIRED, ticket.ticketId)[0]);
    expect(expired.recipientIds).toEqual([ada]);
  });

  it('widens to an adjacent difficulty after the wait, never further', async () => {
    const topic = uniqueName('haskell');
    const [ada, bob, carol] = [randomUUID(), randomUUID(), randomUUID()];
    const adaTicket = (await q1.enqueue(ada, topic, 'easy')).ticket;
    const carolTicket = (await q1.enqueue(carol, topic, 'hard')).ticket;
    const bobTicket = (await q2.enqueue(bob, topic, 'medium')).ticket;
    expect(bobTicket.status).toBe('waiting');
    const paired = await waitFor(
      async () => {
        const a = await q1.get(ada, adaTicket.ticketId);
        return a.status === 'matched' && a;
      },
      { timeoutMs: 10_000, message: 'widening to pair easy with medium' },
    );
    const found = await waitFor(() => events(TOPICS.QUEUE_MATCH_FOUND, paired.matchId ?? '')[0]);
    // Ada (easy) widened to medium; Carol (hard) is two steps from easy.
    expect([...found.data.userIds].sort()).toEqual([ada, bob].sort());
    expect(found.data.difficulty).toBe('medium');
    expect((await q1.get(carol, carolTicket.ticketId)).matchId).not.toBe(paired.matchId);
  });

  it('with two replicas and 1,000 tickets at once: no ticket in two pairs, nobody with themselves', async () => {
    const topics = [uniqueName('crowd-a'), uniqueName('crowd-b'), uniqueName('crowd-c')];
    const requests = Array.from({ length: 1000 }, (_, i) => ({
      userId: randomUUID(),
      topic: topics[i % topics.length],
      difficulty: DIFFICULTIES[Math.floor(i / 3) % 3],
    }));
    const tickets = await Promise.all(
      requests.map(async (r, i) => ({
        ...r,
        ticket: (await (i % 2 ? q1 : q2).enqueue(r.userId, r.topic, r.difficulty)).ticket,
      })),
    );
    expect(new Set(tickets.map((t) => t.ticket.ticketId)).size).toBe(1000);
    // The first state each ticket reached after waiting: matched (into one pair) or expired.
    const settled = await waitFor(
      async () => {
        const states = await Promise.all(tickets.map((t) => q1.get(t.userId, t.ticket.ticketId)));
        return states.every((s) => s.status !== 'waiting') && states;
      },
      { timeoutMs: 15_000, intervalMs: 250, message: 'every ticket to be paired or expired' },
    );
    const pairs = new Map<string, typeof tickets>();
    const collectPairs = () => {
      collector.messages
        .filter((m) => m.topic === TOPICS.QUEUE_MATCH_FOUND)
        .map((m) => m.json as Envelope<QueueMatchFoundData>)
        .forEach((e) => {
          const members = tickets.filter((t) => e.data.ticketIds.includes(t.ticket.ticketId));
          if (members.length > 0) pairs.set(e.data.matchId, members);
        });
      return [...pairs.values()].flat().length;
    };
    const notExpired = settled.filter((s) => s.status !== 'expired').length;
    await waitFor(() => collectPairs() >= notExpired, {
      message: 'queue.match_found for every ticket that did not expire',
    });
    const inPairs = [...pairs.values()].flat().map((t) => t.ticket.ticketId);
    expect(new Set(inPairs).size).toBe(inPairs.length);
    const order = { easy: 0, medium: 1, hard: 2 };
    for (const members of pairs.values()) {
      expect(members).toHaveLength(2);
      const [a, b] = members;
      expect(a.userId).not.toBe(b.userId);
      expect(a.topic).toBe(b.topic);
      expect(Math.abs(order[a.difficulty] - order[b.difficulty])).toBeLessThanOrEqual(1);
    }
    settled.forEach((state, i) => {
      const paired = inPairs.includes(tickets[i].ticket.ticketId);
      expect(paired || state.status === 'expired').toBe(true);
    });
    // Each bucket of 1000 / 9 people pairs off all but at most one before anyone widens.
    expect(inPairs.length).toBeGreaterThanOrEqual(1000 - 9);
  });

  it('writes every queue event, made inside the Redis script, to the published schemas', () => {
    const validator = new EnvelopeValidator();
    const mine = collector.messages.filter((m) => (m.json as Envelope).occurredAt >= startedAt);
    expect(new Set(mine.map((m) => m.topic))).toEqual(
      new Set([
        TOPICS.QUEUE_MATCH_FOUND,
        TOPICS.QUEUE_MATCH_READY,
        TOPICS.QUEUE_MATCH_CANCELLED,
        TOPICS.QUEUE_EXPIRED,
      ]),
    );
    for (const message of mine) {
      expect(() => validator.parse(message.topic, message.message.value)).not.toThrow();
    }
    const empty = mine
      .map((m) => m.json as Envelope<QueueMatchCancelledData>)
      .find(
        (e) => e.type === TOPICS.QUEUE_MATCH_CANCELLED && e.data.requeuedTicketIds.length === 0,
      );
    expect(empty?.data.requeuedTicketIds).toEqual([]);
  });
});
