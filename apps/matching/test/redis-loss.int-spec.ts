import { randomUUID } from 'node:crypto';
import type { Topic, UserBlockData } from '@rendezvous/contracts';
import { AUTH_ERRORS, TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector, Problem } from '@rendezvous/testing';
import {
  anEnvelope,
  collectMessages,
  cutOffDatabase,
  testKafka,
  testRedis,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import { RedisStandings } from '@rendezvous/platform';
import type Redis from 'ioredis';
import type { QueryRunner } from 'typeorm';
import { QueueRecovery } from '../src/queue/queue-recovery';
import { QUEUE_STATE } from '../src/queue/queue-store';
import type { TicketView } from '../src/queue/queue.shapes';
import { QueueService } from '../src/queue/queue.service';
import type { MatchingTestApp } from './matching-test-app';
import { startMatchingApp } from './matching-test-app';

const QUEUE_TOPICS = [
  TOPICS.QUEUE_TICKET_CREATED,
  TOPICS.QUEUE_MATCH_FOUND,
  TOPICS.QUEUE_MATCH_CANCELLED,
  TOPICS.QUEUE_EXPIRED,
  TOPICS.QUEUE_TICKET_LOST,
  TOPICS.QUEUE_MATCH_LOST,
] as const;

const MARKER = `state-epoch:${QUEUE_STATE}`;

/**
 * Redis as it runs here (no persistence) loses everything on a restart or flush. These tests
 * flush the shared Redis, so they run alone (the heavy-job lock) like every integration test.
 */
describe('the queue after Redis lost its data', () => {
  // Two replicas on one database and one Redis, as in production.
  let one: MatchingTestApp;
  let two: MatchingTestApp;
  let redis: Redis;
  let collector: KafkaCollector;

  beforeAll(async () => {
    one = await startMatchingApp();
    two = await startMatchingApp({ POSTGRES_DB: String(one.db.options.database) });
    redis = testRedis();
    collector = await collectMessages(testKafka(), [...QUEUE_TOPICS]);
  });

  afterAll(async () => {
    await collector.stop();
    await redis.quit();
    await two.close();
    await one.close();
  });

  // Each test starts from a whole state, whatever the one before left.
  beforeEach(() => rebuilt());

  const queue = () => one.app.get(QueueService);
  const rebuilt = () =>
    waitFor(async () => (await redis.exists(MARKER)) === 1, { message: 'the queue rebuilt' });

  /** Hands matching's own queue events on Kafka to its ledger, as its consumer would. */
  async function ledgerCatchesUp(topic: Topic, aggregateId: string): Promise<void> {
    const [event] = await waitFor(() => {
      const found = collector.envelopes(topic as (typeof QUEUE_TOPICS)[number], aggregateId);
      return found.length > 0 && found;
    });
    await one.deliver(event);
  }

  /** Holds every rebuild at its ledger read until released: the state stays lost meanwhile. */
  async function holdRebuilds(): Promise<QueryRunner> {
    const runner = one.db.createQueryRunner();
    await runner.startTransaction();
    await runner.query('LOCK TABLE queue_ledger_tickets IN ACCESS EXCLUSIVE MODE');
    return runner;
  }

  async function release(runner: QueryRunner): Promise<void> {
    await runner.commitTransaction();
    await runner.release();
  }

  it('never pairs two people who blocked each other', async () => {
    const topic = uniqueName('ocaml');
    const [ada, bob] = [await one.person(), await one.person()];
    const block: UserBlockData = { blockerId: ada.userId, blockedId: bob.userId };
    await one.deliver(anEnvelope(TOPICS.USER_BLOCKED, block, { aggregateId: ada.userId }));

    await redis.flushall();
    await rebuilt();

    const first = await queue().enqueue(bob.userId, topic, 'easy');
    const second = await two.app.get(QueueService).enqueue(ada.userId, topic, 'easy');
    expect([first.ticket.status, second.ticket.status]).toEqual(['waiting', 'waiting']);
    // Someone else is paired at once: the queue works, the block holds.
    const carol = randomUUID();
    expect((await queue().enqueue(carol, topic, 'easy')).ticket.status).toBe('matched');
  });

  it('keeps a block that arrives while the queue is being rebuilt', async () => {
    const topic = uniqueName('forth');
    const [ada, bob] = [await one.person(), await one.person()];
    const held = await holdRebuilds();
    try {
      await redis.flushall();
      const block: UserBlockData = { blockerId: bob.userId, blockedId: ada.userId };
      await one.deliver(anEnvelope(TOPICS.USER_BLOCKED, block, { aggregateId: bob.userId }));
    } finally {
      await release(held);
    }
    await rebuilt();
    await queue().enqueue(ada.userId, topic, 'hard');
    expect((await queue().enqueue(bob.userId, topic, 'hard')).ticket.status).toBe('waiting');
  });

  it('answers 503 with Retry-After while it rebuilds, then serves again', async () => {
    const person = await one.person();
    const token = await one.token(person.userId);
    const created = await one.request<TicketView>('POST', '/matching/queue', {
      token,
      body: { topic: uniqueName('zig'), difficulty: 'easy' },
    });
    expect(created.status).toBe(201);
    const path = `/matching/queue/${created.body.ticketId}`;

    const held = await holdRebuilds();
    try {
      await redis.flushall();
      for (const request of [
        one.request<Problem>('GET', path, { token }),
        // Each replica trusts its own test key set.
        two.request<Problem>('POST', '/matching/queue', {
          token: await two.token(person.userId),
          body: { topic: 'go', difficulty: 'easy' },
        }),
      ]) {
        const refused = await request;
        expect(refused.status).toBe(503);
        expect(refused.headers['retry-after']).toBeDefined();
      }
    } finally {
      await release(held);
    }
    await rebuilt();
    // The ticket was lost with Redis; asking again is answered, not refused.
    expect((await one.request('GET', path, { token })).status).toBe(404);
  });

  it('tells the owners of lost tickets and pairs, once, however many replicas rebuild', async () => {
    const [waitingTopic, pairTopic] = [uniqueName('lisp'), uniqueName('prolog')];
    const [ada, carol, dan] = [randomUUID(), randomUUID(), randomUUID()];
    const waiting = (await queue().enqueue(ada, waitingTopic, 'medium')).ticket;
    const carolTicket = (await queue().enqueue(carol, pairTopic, 'hard')).ticket;
    const danTicket = (await two.app.get(QueueService).enqueue(dan, pairTopic, 'hard')).ticket;
    const matchId = danTicket.matchId ?? '';
    for (const ticket of [waiting, carolTicket, danTicket]) {
      await ledgerCatchesUp(TOPICS.QUEUE_TICKET_CREATED, ticket.ticketId);
    }
    await ledgerCatchesUp(TOPICS.QUEUE_MATCH_FOUND, matchId);

    // Both replicas notice the loss and queue up behind the held ledger; on release they race,
    // and two more rebuilds race with them.
    const held = await holdRebuilds();
    await redis.flushall();
    const recoveries = [one, two].map((app) => app.app.get(QueueRecovery));
    await waitFor(() => recoveries.every((recovery) => !recovery.guard.intact), {
      message: 'both replicas noticing the loss',
    });
    const extra = recoveries.map((recovery) => recovery.rebuild());
    await release(held);
    await Promise.all(extra);
    await rebuilt();

    const lostTicket = await waitFor(
      () => collector.envelopes(TOPICS.QUEUE_TICKET_LOST, waiting.ticketId)[0],
    );
    expect(lostTicket.recipientIds).toEqual([ada]);
    expect(lostTicket.data).toMatchObject({ ticketId: waiting.ticketId, userId: ada });
    const lostPair = await waitFor(() => collector.envelopes(TOPICS.QUEUE_MATCH_LOST, matchId)[0]);
    expect(lostPair.recipientIds).toEqual(expect.arrayContaining([carol, dan]));
    expect(lostPair.data.ticketIds).toEqual(
      expect.arrayContaining([carolTicket.ticketId, danTicket.ticketId]),
    );

    await everythingRelayedAndRead(one, collector, [
      TOPICS.QUEUE_TICKET_LOST,
      TOPICS.QUEUE_MATCH_LOST,
    ]);
    expect(collector.envelopes(TOPICS.QUEUE_TICKET_LOST, waiting.ticketId)).toHaveLength(1);
    expect(collector.envelopes(TOPICS.QUEUE_MATCH_LOST, matchId)).toHaveLength(1);
    // The paired tickets end with their pair: nobody is told twice.
    for (const ticket of [carolTicket, danTicket]) {
      expect(collector.envelopes(TOPICS.QUEUE_TICKET_LOST, ticket.ticketId)).toEqual([]);
      expect(collector.envelopes(TOPICS.QUEUE_EXPIRED, ticket.ticketId)).toEqual([]);
    }
  });

  describe('with PostgreSQL unreachable', () => {
    it('still serves queue routes and still refuses a suspended person', async () => {
      const topic = uniqueName('haskell');
      const [ada, bob, mallory] = [await one.person(), await one.person(), await one.person()];
      await one.setStanding(mallory.userId, 2, { status: 'suspended' });
      const [adaToken, bobToken, malloryToken] = await Promise.all(
        [ada, bob, mallory].map((person) => one.token(person.userId)),
      );
      // Token checks read the standing kept in Redis once it is whole again after the flushes:
      // asked of Redis now, since a guard notices an earlier test's flush only within a second.
      await waitFor(async () =>
        (
          await Promise.all([one, two].map((app) => app.app.get(RedisStandings).guard.check()))
        ).every(Boolean),
      );
      const restore = await cutOffDatabase(String(one.db.options.database));
      try {
        const adaTicket = await one.request<TicketView>('POST', '/matching/queue', {
          token: adaToken,
          body: { topic, difficulty: 'easy' },
        });
        expect(adaTicket.status).toBe(201);
        const bobTicket = await one.request<TicketView>('POST', '/matching/queue', {
          token: bobToken,
          body: { topic, difficulty: 'easy' },
        });
        const confirmPath = `/matching/queue/matches/${bobTicket.body.matchId}/confirm`;
        const first = await one.request('POST', confirmPath, {
          token: adaToken,
          body: { accept: true },
        });
        expect(first.status).toBe(202);
        const second = await one.request('POST', confirmPath, {
          token: bobToken,
          body: { accept: true },
        });
        expect(second).toMatchObject({ status: 200, body: { status: 'ready' } });
        expect(
          (
            await one.request('GET', `/matching/queue/${adaTicket.body.ticketId}`, {
              token: adaToken,
            })
          ).status,
        ).toBe(200);

        const refused = await one.request<Problem>('GET', `/matching/queue/${randomUUID()}`, {
          token: malloryToken,
        });
        expect(refused.status).toBe(401);
        expect(refused.body.code).toBe(AUTH_ERRORS.ACCOUNT_SUSPENDED);
      } finally {
        await restore();
      }
    });
  });
});

/**
 * Waits until the outbox has published everything and the collector has read each partition of
 * `topics` to its end, so a second copy of an event would have been seen.
 */
async function everythingRelayedAndRead(
  app: MatchingTestApp,
  collector: KafkaCollector,
  topics: readonly string[],
): Promise<void> {
  await waitFor(async () => {
    const [{ count }] = (await app.db.query('SELECT count(*)::int AS count FROM outbox')) as {
      count: number;
    }[];
    return count === 0;
  });
  const admin = testKafka().admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        if (high === '0') continue;
        const last = String(Number(high) - 1);
        await waitFor(() =>
          collector.messages.some(
            (m) => m.topic === topic && m.partition === partition && m.message.offset === last,
          ),
        );
      }
    }
  } finally {
    await admin.disconnect();
  }
}
