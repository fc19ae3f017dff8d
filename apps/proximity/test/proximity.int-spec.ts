import { randomUUID } from 'node:crypto';
import type { Envelope, Topic, AnyEnvelope } from '@rendezvous/contracts';
import { COMMON_ERRORS, PROXIMITY_ERRORS, TOPICS } from '@rendezvous/contracts';
import { EnvelopeValidator } from '@rendezvous/platform';
import type { KafkaCollector } from '@rendezvous/testing';
import {
  anEnvelope,
  collectMessages,
  domainErrorCode,
  testKafka,
  testRedis,
  waitFor,
} from '@rendezvous/testing';
import type Redis from 'ioredis';
import { SessionStore } from '../src/sessions/session-store';
import { StatsController } from '../src/stats/stats.controller';
import type { ProximityTestApp } from './proximity-test-app';
import { startProximityApp } from './proximity-test-app';

const NO_MATCH = { match: false, sharedInterests: [], nudgeSent: false };
const bleToken = () => `ble-${randomUUID()}`;

describe('proximity sessions, encounters and stats', () => {
  // Two replicas on the same Redis; a third with a one-second TTL for expiry.
  let one: ProximityTestApp;
  let two: ProximityTestApp;
  let brief: ProximityTestApp;
  let collector: KafkaCollector;
  let redis: Redis;
  const startedAt = new Date().toISOString();
  // Every interest used here carries a unique mark; none may show up in any store.
  const marks: string[] = [];
  const secret = (word: string) => {
    const mark = `zq${randomUUID().slice(0, 8)}`;
    marks.push(mark);
    return `${word} ${mark}`;
  };

  beforeAll(async () => {
    one = await startProximityApp();
    two = await startProximityApp();
    brief = await startProximityApp({ PROXIMITY_SESSION_TTL_SECONDS: '1' });
    redis = testRedis();
    collector = await collectMessages(testKafka(), [
      TOPICS.PROXIMITY_SESSION_STARTED,
      TOPICS.PROXIMITY_NUDGE,
    ]);
  });

  afterAll(async () => {
    await collector.stop();
    redis.disconnect();
    await one.close();
    await two.close();
    await brief.close();
  });

  const events = <T extends Topic>(topic: T) => collector.envelopes(topic);
  const nudgesOf = (sessionId: string) =>
    events(TOPICS.PROXIMITY_NUDGE).filter((e) => e.data.sessionIds.includes(sessionId));

  /** A person with a live session on replica `app`. */
  async function person(interests: string[], app = one) {
    const userId = randomUUID();
    const token = bleToken();
    const session = await app.sessions.start(userId, token, interests);
    return { userId, token, session };
  }

  it('starts, replaces and ends sessions, one live session per person', async () => {
    const ada = randomUUID();
    const [first, second] = [bleToken(), bleToken()];
    const before = Date.now();
    const started = await one.sessions.start(ada, first, [secret('Chess')]);
    expect(started).toEqual({ sessionId: expect.any(String), expiresAt: expect.any(String) });
    const ttl = Date.parse(started.expiresAt) - before;
    expect(ttl).toBeGreaterThanOrEqual(7200 * 1000);
    expect(ttl).toBeLessThan(7200 * 1000 + 5_000);
    expect(await redis.hget(`{px}:s:${first}`, 'owner')).toBe(ada);
    const pttl = await redis.pttl(`{px}:s:${first}`);
    expect(pttl).toBeGreaterThan(7190 * 1000);

    const replaced = await two.sessions.start(ada, second, [secret('Jazz')]);
    expect(replaced.sessionId).not.toBe(started.sessionId);
    expect(await redis.exists(`{px}:s:${first}`)).toBe(0);
    expect(await redis.get(`{px}:u:${ada}`)).toBe(second);
    expect(await domainErrorCode(one.encounters.report(ada, first, bleToken()))).toBe(
      PROXIMITY_ERRORS.NOT_YOUR_SESSION,
    );
    expect(await one.encounters.report(ada, second, bleToken())).toEqual(NO_MATCH);

    // A token is one person's: nobody else can take it over while it is live.
    const bob = randomUUID();
    expect(await domainErrorCode(one.sessions.start(bob, second, ['chess']))).toBe(
      PROXIMITY_ERRORS.TOKEN_IN_USE,
    );
    const again = await one.sessions.start(ada, second, [secret('Jazz')]);
    expect(again.sessionId).not.toBe(replaced.sessionId);

    await one.sessions.end(ada);
    await one.sessions.end(ada);
    expect(await redis.exists(`{px}:s:${second}`, `{px}:u:${ada}`)).toBe(0);
    expect(await domainErrorCode(one.encounters.report(ada, second, bleToken()))).toBe(
      PROXIMITY_ERRORS.NOT_YOUR_SESSION,
    );
    expect((await one.sessions.start(bob, second, [secret('Chess')])).sessionId).toEqual(
      expect.any(String),
    );
  });

  it('nudges both people once when they share interests, with the shared categories only', async () => {
    const [devops, hardstyle] = [secret('DevOps'), secret('Hardstyle')];
    const ada = await person([devops.toUpperCase(), `  ${hardstyle}  `, secret('pottery')]);
    const bob = await person([hardstyle.replace(' ', '   '), devops, secret('tennis')], two);

    expect(await one.encounters.report(ada.userId, ada.token, bob.token)).toEqual({
      match: true,
      sharedInterests: ['tech', 'music'],
      nudgeSent: true,
    });
    const seen = { match: true, sharedInterests: ['tech', 'music'], nudgeSent: false };
    expect(await two.encounters.report(bob.userId, bob.token, ada.token)).toEqual(seen);
    expect(await one.encounters.report(ada.userId, ada.token, bob.token)).toEqual(seen);

    const [nudge] = await waitFor(
      () => nudgesOf(ada.session.sessionId).length > 0 && nudgesOf(ada.session.sessionId),
    );
    expect(nudge.recipientIds).toEqual([ada.userId, bob.userId]);
    expect(nudge.aggregateId).toBe(nudge.data.nudgeId);
    expect(nudge.data).toEqual({
      nudgeId: expect.any(String),
      userIds: [ada.userId, bob.userId],
      sessionIds: [ada.session.sessionId, bob.session.sessionId],
      sharedInterests: ['tech', 'music'],
    });

    // A new session is a new lifetime: the pair may be nudged again.
    const newToken = bleToken();
    const adaAgain = await one.sessions.start(ada.userId, newToken, [devops]);
    const answer = await one.encounters.report(ada.userId, newToken, bob.token);
    expect(answer).toEqual({ match: true, sharedInterests: ['tech'], nudgeSent: true });
    await waitFor(() => nudgesOf(adaAgain.sessionId).length === 1);
  });

  it('answers no match without shared interests or for an unknown token, and 403 for a foreign own token', async () => {
    const ada = await person([secret('devops'), secret('jazz')]);
    const bob = await person([secret('devops'), secret('techno')]);
    expect(await one.encounters.report(ada.userId, ada.token, bob.token)).toEqual(NO_MATCH);
    expect(await one.encounters.report(ada.userId, ada.token, bleToken())).toEqual(NO_MATCH);

    const eve = randomUUID();
    expect(await domainErrorCode(one.encounters.report(eve, ada.token, bob.token))).toBe(
      PROXIMITY_ERRORS.NOT_YOUR_SESSION,
    );
    expect(await domainErrorCode(one.encounters.report(eve, bleToken(), bob.token))).toBe(
      PROXIMITY_ERRORS.NOT_YOUR_SESSION,
    );
    expect(nudgesOf(ada.session.sessionId)).toEqual([]);
  });

  it('sends exactly one nudge when both phones report the pair at the same instant', async () => {
    const shared = secret('board games');
    const ada = await person([shared]);
    const bob = await person([shared], two);
    const reports = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2
          ? one.encounters.report(ada.userId, ada.token, bob.token)
          : two.encounters.report(bob.userId, bob.token, ada.token),
      ),
    );
    expect(reports.every((r) => r.match && r.sharedInterests.join() === 'games')).toBe(true);
    expect(reports.filter((r) => r.nudgeSent)).toHaveLength(1);

    // The outbox is relayed in order: once a later nudge is out, this pair's are all out too.
    const later = secret('chess');
    const carol = await person([later]);
    const dan = await person([later]);
    await one.encounters.report(carol.userId, carol.token, dan.token);
    await waitFor(() => nudgesOf(carol.session.sessionId).length === 1, {
      message: 'the later nudge',
    });
    expect(nudgesOf(ada.session.sessionId)).toHaveLength(1);
  });

  it('never nudges people when either blocked the other; the newest block state wins', async () => {
    const shared = secret('philosophy');
    const ada = await person([shared]);
    const bob = await person([shared]);
    const block = (
      type: 'user.blocked' | 'user.unblocked',
      blockerId: string,
      blockedId: string,
      version: number,
    ) => anEnvelope(type, { blockerId, blockedId }, { aggregateId: blockerId, version });

    const blocked = block(TOPICS.USER_BLOCKED, bob.userId, ada.userId, 5);
    await one.deliver(blocked);
    await one.deliver(blocked);
    expect(await one.encounters.report(ada.userId, ada.token, bob.token)).toEqual(NO_MATCH);
    expect(await two.encounters.report(bob.userId, bob.token, ada.token)).toEqual(NO_MATCH);

    await two.deliver(block(TOPICS.USER_UNBLOCKED, bob.userId, ada.userId, 6));
    // The older block arriving late changes nothing.
    await one.deliver(block(TOPICS.USER_BLOCKED, bob.userId, ada.userId, 4));
    expect(await one.encounters.report(ada.userId, ada.token, bob.token)).toEqual({
      match: true,
      sharedInterests: ['ideas'],
      nudgeSent: true,
    });

    const carol = await person([shared]);
    await one.deliver(block(TOPICS.USER_BLOCKED, ada.userId, carol.userId, 2));
    expect(await one.encounters.report(carol.userId, carol.token, ada.token)).toEqual(NO_MATCH);
  });

  it("ends a deleted person's session at once and refuses them a new one", async () => {
    const shared = secret('hiking');
    const ada = await person([shared]);
    const bob = await person([shared]);
    const deleted = anEnvelope(
      TOPICS.USER_DELETED,
      { userId: ada.userId, deletedAt: new Date().toISOString() },
      { aggregateId: ada.userId, version: 3 },
    );
    await two.deliver(deleted);
    await two.deliver(deleted);
    expect(await redis.exists(`{px}:s:${ada.token}`, `{px}:u:${ada.userId}`)).toBe(0);
    expect(await one.encounters.report(bob.userId, bob.token, ada.token)).toEqual(NO_MATCH);
    expect(await domainErrorCode(one.sessions.start(ada.userId, bleToken(), [shared]))).toBe(
      COMMON_ERRORS.UNAUTHORIZED,
    );
    expect(nudgesOf(bob.session.sessionId)).toEqual([]);
  });

  it('lets a session disappear within a second of its TTL and stop counting as active', async () => {
    const store = brief.app.get(SessionStore);
    // Other sessions may come and go in the same Redis meanwhile: look at these two only.
    const counted = async (...people: { session: { sessionId: string } }[]) => {
      await store.activeCount();
      const scores = await Promise.all(
        people.map((p) => redis.zscore('{px}:live', p.session.sessionId)),
      );
      return scores.filter((score) => score !== null).length;
    };
    const shared = secret('sourdough');
    const ada = await person([shared], brief);
    const bob = await person([shared], brief);
    expect(await counted(ada, bob)).toBe(2);
    expect(await brief.encounters.report(ada.userId, ada.token, bob.token)).toMatchObject({
      match: true,
      nudgeSent: true,
    });

    const expiresAt = Date.parse(bob.session.expiresAt);
    await waitFor(async () => (await redis.exists(`{px}:s:${bob.token}`)) === 0, {
      timeoutMs: 3_000,
      intervalMs: 20,
      message: 'the session to expire',
    });
    expect(Date.now()).toBeLessThan(expiresAt + 1_000);
    expect(await counted(ada, bob)).toBe(0);
    expect(
      await brief.encounters.report(ada.userId, ada.token, bob.token).catch(() => 'gone'),
    ).toBe('gone');
    expect(await redis.exists(`{px}:u:${ada.userId}`, `{px}:u:${bob.userId}`)).toBe(0);
  });

  it('counts sessions and matches once each, however often events arrive, and hides small categories', async () => {
    const chess = secret('chess');
    type Person = Awaited<ReturnType<typeof person>>;
    const players: Person[] = [];
    for (let i = 0; i < 5; i += 1) players.push(await person([chess], i % 2 ? one : two));
    const potters: Person[] = [];
    for (let i = 0; i < 4; i += 1) potters.push(await person([secret('pottery')]));
    await one.encounters.report(players[0].userId, players[0].token, players[1].token);

    const ids = new Set([...players, ...potters].map((p) => p.session.sessionId));
    const started = await waitFor(() => {
      const mine = events(TOPICS.PROXIMITY_SESSION_STARTED).filter((e) =>
        ids.has(e.data.sessionId),
      );
      return mine.length === 9 && mine;
    });
    const [nudge] = await waitFor(
      () =>
        nudgesOf(players[0].session.sessionId).length === 1 &&
        nudgesOf(players[0].session.sessionId),
    );
    expect(started.find((e) => e.data.sessionId === players[0].session.sessionId)?.data).toEqual({
      sessionId: players[0].session.sessionId,
      userId: players[0].userId,
      categories: ['games'],
      expiresAt: players[0].session.expiresAt,
    });

    // Redelivered, and delivered twice at the same moment.
    const all: AnyEnvelope[] = [...started, nudge];
    await Promise.all(all.flatMap((event) => [one.deliver(event), one.deliver(event)]));
    for (const event of all) await one.deliver(event);

    const stats = one.app.get(StatsController);
    const admin = { id: randomUUID(), role: 'admin' as const };
    const today = await stats.read(admin);
    expect(today).toEqual({
      totalSessionsToday: 9,
      totalMatchesToday: 1,
      topInterestCategories: [{ category: 'games', count: 5 }],
      activeSessionsNow: expect.any(Number),
    });
    expect(today.activeSessionsNow).toBeGreaterThanOrEqual(9);
    expect(await domainErrorCode(stats.read({ id: randomUUID(), role: 'user' }))).toBe(
      COMMON_ERRORS.FORBIDDEN,
    );

    const rows = (await one.db.query(
      'SELECT category, sessions FROM proximity_category_stats ORDER BY category',
    )) as { category: string; sessions: number }[];
    expect(rows).toEqual([
      { category: 'arts', sessions: 4 },
      { category: 'games', sessions: 5 },
    ]);
  });

  it('writes its events to the published schemas', () => {
    const validator = new EnvelopeValidator();
    const mine = collector.messages.filter((m) => (m.json as Envelope).occurredAt >= startedAt);
    expect(new Set(mine.map((m) => m.topic))).toEqual(
      new Set([TOPICS.PROXIMITY_SESSION_STARTED, TOPICS.PROXIMITY_NUDGE]),
    );
    for (const message of mine) {
      expect(() => validator.parse(message.topic, message.message.value)).not.toThrow();
    }
  });

  it('keeps no raw interest anywhere: Redis keys and values, the databases, Kafka', async () => {
    const redisText = await dumpRedis(redis);
    expect(redisText).toContain('{px}:s:');
    const databaseText = (
      await Promise.all(
        [one, two, brief].map(async ({ db }) =>
          JSON.stringify(
            await Promise.all(
              ['proximity_daily_stats', 'proximity_category_stats', 'inbox', 'outbox'].map(
                (table) => db.query(`SELECT * FROM ${table}`),
              ),
            ),
          ),
        ),
      )
    ).join('\n');
    expect(databaseText).toContain('games');
    const kafkaText = collector.messages
      .map(
        (m) =>
          `${m.message.key?.toString() ?? ''} ${m.message.value?.toString() ?? ''} ${JSON.stringify(m.message.headers ?? {})}`,
      )
      .join('\n');
    expect(kafkaText).toContain(TOPICS.PROXIMITY_NUDGE);

    expect(marks.length).toBeGreaterThan(20);
    for (const [where, text] of [
      ['redis', redisText],
      ['postgres', databaseText],
      ['kafka', kafkaText],
    ]) {
      const lower = text.toLowerCase();
      expect([where, marks.filter((mark) => lower.includes(mark))]).toEqual([where, []]);
    }
  });
});

/** Every key in Redis with its value, as text. */
async function dumpRedis(redis: Redis): Promise<string> {
  const parts: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      let value: unknown;
      if (type === 'string') value = await redis.get(key);
      else if (type === 'hash') value = await redis.hgetall(key);
      else if (type === 'set') value = await redis.smembers(key);
      else if (type === 'zset') value = await redis.zrange(key, 0, -1, 'WITHSCORES');
      else if (type === 'list') value = await redis.lrange(key, 0, -1);
      else if (type === 'stream') value = await redis.xrange(key, '-', '+');
      parts.push(`${key} ${JSON.stringify(value ?? null)}`);
    }
  } while (cursor !== '0');
  return parts.join('\n');
}
