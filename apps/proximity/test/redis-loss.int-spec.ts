import { randomUUID } from 'node:crypto';
import type { AnyEnvelope, UserBlockData, UserDeletedData } from '@rendezvous/contracts';
import { AUTH_ERRORS, COMMON_ERRORS, TOPICS } from '@rendezvous/contracts';
import { RedisStandings } from '@rendezvous/platform';
import type { KafkaCollector, Problem, TestRequest, TokenIssuer } from '@rendezvous/testing';
import {
  anEnvelope,
  apiRequests,
  collectMessages,
  cutOffDatabase,
  domainErrorCode,
  startTokenIssuer,
  testKafka,
  testRedis,
  waitFor,
} from '@rendezvous/testing';
import type Redis from 'ioredis';
import { ProximityRecovery } from '../src/sessions/proximity-recovery';
import { PROXIMITY_STATE } from '../src/sessions/session-store';
import type { ProximityTestApp } from './proximity-test-app';
import { startProximityApp } from './proximity-test-app';

const MARKER = `state-epoch:${PROXIMITY_STATE}`;
const bleToken = () => `ble-${randomUUID()}`;

/**
 * Redis as it runs here (no persistence) loses everything on a restart or flush. These tests
 * flush the shared Redis, so they run alone (the heavy-job lock) like every integration test.
 */
describe('proximity after Redis lost its data', () => {
  let t: ProximityTestApp;
  let issuer: TokenIssuer;
  let request: TestRequest;
  let redis: Redis;
  let collector: KafkaCollector;

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    t = await startProximityApp({ JWKS_URL: issuer.jwksUrl });
    request = apiRequests(t.app);
    redis = testRedis();
    collector = await collectMessages(testKafka(), [
      TOPICS.PROXIMITY_SESSION_STARTED,
      TOPICS.PROXIMITY_SESSION_ENDED,
      TOPICS.PROXIMITY_NUDGE,
    ]);
  });

  afterAll(async () => {
    await collector.stop();
    await redis.quit();
    await t.close();
    issuer.close();
  });

  const flushAndRebuild = async () => {
    await redis.flushall();
    await waitFor(async () => (await redis.exists(MARKER)) === 1, { message: 'proximity rebuilt' });
  };

  /** Hands proximity's own session event on Kafka to its consumer, as Kafka would. */
  async function ledgerHears(
    topic: typeof TOPICS.PROXIMITY_SESSION_STARTED | typeof TOPICS.PROXIMITY_SESSION_ENDED,
    sessionId: string,
  ): Promise<void> {
    const event = await waitFor(() => collector.envelopes(topic, sessionId)[0] as AnyEnvelope);
    await t.deliver(event);
  }

  it('keeps blocks and deletions after a flush', async () => {
    const [ada, bob, carol, gone] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const block: UserBlockData = { blockerId: ada, blockedId: bob };
    await t.deliver(anEnvelope(TOPICS.USER_BLOCKED, block, { aggregateId: ada, version: 2 }));
    const deleted: UserDeletedData = { userId: gone, deletedAt: new Date().toISOString() };
    await t.deliver(anEnvelope(TOPICS.USER_DELETED, deleted, { aggregateId: gone, version: 9 }));

    await flushAndRebuild();

    const [adaToken, bobToken, carolToken] = [bleToken(), bleToken(), bleToken()];
    await t.sessions.start(ada, adaToken, ['chess']);
    await t.sessions.start(bob, bobToken, ['chess']);
    await t.sessions.start(carol, carolToken, ['chess']);
    expect(await t.encounters.report(ada, adaToken, bobToken)).toMatchObject({ nudgeSent: false });
    expect(await t.encounters.report(bob, bobToken, adaToken)).toMatchObject({ nudgeSent: false });
    // The script works: a pair without a block is nudged.
    expect(await t.encounters.report(carol, carolToken, adaToken)).toMatchObject({
      nudgeSent: true,
    });
    expect(await domainErrorCode(t.sessions.start(gone, bleToken(), ['chess']))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
  });

  it('ends a lost session with a notice to its owner, once, and not a session its owner ended', async () => {
    const [ada, bob] = [randomUUID(), randomUUID()];
    const adaSession = await t.sessions.start(ada, bleToken(), ['jazz']);
    const bobSession = await t.sessions.start(bob, bleToken(), ['jazz']);
    await t.sessions.end(bob);
    await ledgerHears(TOPICS.PROXIMITY_SESSION_STARTED, adaSession.sessionId);
    await ledgerHears(TOPICS.PROXIMITY_SESSION_STARTED, bobSession.sessionId);
    await ledgerHears(TOPICS.PROXIMITY_SESSION_ENDED, bobSession.sessionId);

    await redis.flushall();
    const recovery = t.app.get(ProximityRecovery);
    await Promise.all([recovery.rebuild(), recovery.rebuild()]);
    await waitFor(async () => (await redis.exists(MARKER)) === 1);

    const ended = await waitFor(() => {
      const found = collector
        .envelopes(TOPICS.PROXIMITY_SESSION_ENDED, adaSession.sessionId)
        .filter((event) => event.data.reason === 'lost');
      return found.length > 0 && found;
    });
    expect(ended[0].recipientIds).toEqual([ada]);
    expect(ended[0].data).toMatchObject({ sessionId: adaSession.sessionId, userId: ada });

    // Everything the outbox held is out and read: still one notice, and none for Bob.
    await waitFor(async () => {
      const [{ count }] = (await t.db.query('SELECT count(*)::int AS count FROM outbox')) as {
        count: number;
      }[];
      return count === 0;
    });
    await drainEnded();
    expect(
      collector
        .envelopes(TOPICS.PROXIMITY_SESSION_ENDED, adaSession.sessionId)
        .filter((event) => event.data.reason === 'lost'),
    ).toHaveLength(1);
    expect(
      collector
        .envelopes(TOPICS.PROXIMITY_SESSION_ENDED, bobSession.sessionId)
        .map((event) => event.data.reason),
    ).toEqual(['ended']);
  });

  /** Every partition of proximity.session_ended read to its end by the collector. */
  async function drainEnded(): Promise<void> {
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const topic = TOPICS.PROXIMITY_SESSION_ENDED;
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        if (high === '0') continue;
        const last = String(Number(high) - 1);
        await waitFor(() =>
          collector.messages.some(
            (m) => m.topic === topic && m.partition === partition && m.message.offset === last,
          ),
        );
      }
    } finally {
      await admin.disconnect();
    }
  }

  it('ends a session and refuses a suspended person with PostgreSQL unreachable', async () => {
    const [ada, mallory] = [randomUUID(), randomUUID()];
    await t.sessions.start(ada, bleToken(), ['pottery']);
    await t.deliver(t.statusEvent(mallory, 2, { status: 'suspended' }));
    const [adaToken, malloryToken] = [await issuer.sign(ada), await issuer.sign(mallory)];
    // Asked of Redis now: the guard notices an earlier test's flush only within a second.
    await waitFor(() => t.app.get(RedisStandings).guard.check());

    const restore = await cutOffDatabase(String(t.db.options.database));
    try {
      expect((await request('DELETE', '/proximity/sessions/me', { token: adaToken })).status).toBe(
        204,
      );
      expect(await redis.exists(`{px}:u:${ada}`)).toBe(0);
      const refused = await request<Problem>('DELETE', '/proximity/sessions/me', {
        token: malloryToken,
      });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe(AUTH_ERRORS.ACCOUNT_SUSPENDED);
    } finally {
      await restore();
    }
  });
});
