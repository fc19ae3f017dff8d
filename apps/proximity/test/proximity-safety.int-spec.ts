import { randomUUID } from 'node:crypto';
import type { Envelope, ProximityNudgeData } from '@rendezvous/contracts';
import { AUTH_ERRORS, TOPICS } from '@rendezvous/contracts';
import { AccountStatusProjection } from '@rendezvous/platform';
import type { KafkaCollector, TestRequest, TokenIssuer } from '@rendezvous/testing';
import {
  apiRequests,
  collectMessages,
  domainErrorCode,
  startTokenIssuer,
  testKafka,
  testRedis,
  waitFor,
} from '@rendezvous/testing';
import type Redis from 'ioredis';
import type { ProximityTestApp } from './proximity-test-app';
import { startProximityApp } from './proximity-test-app';

const NO_MATCH = { match: false, sharedInterests: [], nudgeSent: false };
const bleToken = () => `ble-${randomUUID()}`;
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe('proximity: suspended, banned and auto-hidden people', () => {
  let t: ProximityTestApp;
  let issuer: TokenIssuer;
  let request: TestRequest;
  let collector: KafkaCollector;
  let redis: Redis;

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    t = await startProximityApp({ JWKS_URL: issuer.jwksUrl });
    request = apiRequests(t.app);
    redis = testRedis();
    collector = await collectMessages(testKafka(), [TOPICS.PROXIMITY_NUDGE]);
  });

  afterAll(async () => {
    await collector.stop();
    redis.disconnect();
    await t.close();
    issuer.close();
  });

  const nudgesOf = (sessionId: string) =>
    collector.messages
      .map((m) => m.json as Envelope<ProximityNudgeData>)
      .filter((e) => e.data.sessionIds.includes(sessionId));
  const hasSession = async (person: { userId: string; token: string }) =>
    (await redis.exists(`{px}:s:${person.token}`, `{px}:u:${person.userId}`)) === 2;

  /** A person with a live session on the interests given. */
  async function person(interests: string[], userId = randomUUID()) {
    const token = bleToken();
    const session = await t.sessions.start(userId, token, interests);
    return { userId, token, session };
  }

  /** Waits until a fresh pair's nudge is out: every nudge appended before it is out too. */
  async function drainNudges(): Promise<void> {
    const [ada, bob] = [await person(['chess']), await person(['chess'])];
    await t.encounters.report(ada.userId, ada.token, bob.token);
    await waitFor(() => nudgesOf(ada.session.sessionId).length === 1, {
      message: 'a later nudge',
    });
  }

  it('ends the live session of a suspended or banned person, once per event', async () => {
    const [suspended, banned, bystander] = [
      await person(['jazz']),
      await person(['jazz']),
      await person(['jazz']),
    ];
    const suspension = t.statusEvent(suspended.userId, 2, { status: 'suspended' });
    await t.deliver(suspension);
    await t.deliver(suspension);
    await t.deliver(t.statusEvent(banned.userId, 4, { status: 'banned' }));
    expect(await hasSession(suspended)).toBe(false);
    expect(await hasSession(banned)).toBe(false);
    expect(await hasSession(bystander)).toBe(true);
    for (const gone of [suspended, banned]) {
      expect(await t.encounters.report(bystander.userId, bystander.token, gone.token)).toEqual(
        NO_MATCH,
      );
    }
  });

  it('changes nothing for a standing older than the one held', async () => {
    const ada = await person(['hiking']);
    await t.deliver(t.statusEvent(ada.userId, 5));
    await t.deliver(t.statusEvent(ada.userId, 4, { status: 'suspended' }));
    expect(await hasSession(ada)).toBe(true);
  });

  it('nudges nobody with an auto-hidden person, either way, and keeps their session', async () => {
    const hidden = await person(['sourdough', 'tennis']);
    const other = await person(['sourdough', 'tennis']);
    await t.deliver(t.statusEvent(hidden.userId, 2, { hidden: true }));
    expect(await hasSession(hidden)).toBe(true);
    expect(await t.encounters.report(other.userId, other.token, hidden.token)).toEqual(NO_MATCH);
    expect(await t.encounters.report(hidden.userId, hidden.token, other.token)).toEqual(NO_MATCH);

    // A moderator's decision lifts the auto-hide: the same sessions may now be nudged.
    await t.deliver(t.statusEvent(hidden.userId, 3));
    expect(await t.encounters.report(other.userId, other.token, hidden.token)).toEqual({
      match: true,
      sharedInterests: ['sports', 'food'],
      nudgeSent: true,
    });
    await waitFor(() => nudgesOf(hidden.session.sessionId).length === 1);
  });

  it("answers for a suspended person's leftover session as for an unknown token", async () => {
    // The standing held without the consumer's session end: encounters check it themselves.
    const suspended = await person(['pottery']);
    const other = await person(['pottery']);
    await new AccountStatusProjection().applyIfNewer(
      t.db.manager,
      t.statusEvent(suspended.userId, 2, { status: 'suspended' }).data,
      2,
    );
    expect(await t.encounters.report(other.userId, other.token, suspended.token)).toEqual(NO_MATCH);
    await drainNudges();
    expect(nudgesOf(suspended.session.sessionId)).toEqual([]);
  });

  it('refuses a suspended person a new session, and nudges again after reinstatement', async () => {
    const ada = await person(['board games']);
    const bob = await person(['board games']);
    await t.deliver(t.statusEvent(ada.userId, 2, { status: 'suspended' }));
    expect(await domainErrorCode(t.sessions.start(ada.userId, bleToken(), ['board games']))).toBe(
      AUTH_ERRORS.ACCOUNT_SUSPENDED,
    );

    await t.deliver(t.statusEvent(ada.userId, 3));
    const again = await person(['board games'], ada.userId);
    expect(await t.encounters.report(bob.userId, bob.token, again.token)).toEqual({
      match: true,
      sharedInterests: ['games'],
      nudgeSent: true,
    });
    await waitFor(() => nudgesOf(again.session.sessionId).length === 1);
    expect(nudgesOf(ada.session.sessionId)).toEqual([]);
  });

  it('lets a person start again once a timed suspension has ended by itself', async () => {
    const ada = await person(['astronomy']);
    await t.deliver(
      t.statusEvent(ada.userId, 2, { status: 'suspended', suspendedUntil: inSeconds(1) }),
    );
    expect(await hasSession(ada)).toBe(false);
    expect(await domainErrorCode(t.sessions.start(ada.userId, bleToken(), ['astronomy']))).toBe(
      AUTH_ERRORS.ACCOUNT_SUSPENDED,
    );
    const started = await waitFor(
      () => t.sessions.start(ada.userId, bleToken(), ['astronomy']).catch(() => false as const),
      { timeoutMs: 5_000, message: 'the timed suspension to end' },
    );
    expect(started.sessionId).toEqual(expect.any(String));
  });

  it("refuses a suspended person's token with 401 AUTH.ACCOUNT_SUSPENDED", async () => {
    const userId = randomUUID();
    const token = await issuer.sign(userId);
    const ownToken = bleToken();
    const started = await request('POST', '/proximity/sessions', {
      token,
      body: { bleToken: ownToken, interests: ['chess'] },
    });
    expect(started.status).toBe(201);

    await t.deliver(t.statusEvent(userId, 2, { status: 'banned' }));
    for (const [path, body] of [
      ['/proximity/sessions', { bleToken: bleToken(), interests: ['chess'] }],
      ['/proximity/encounters', { ownToken, detectedToken: bleToken() }],
    ] as const) {
      const refused = await request('POST', path, { token, body });
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({
        code: AUTH_ERRORS.ACCOUNT_SUSPENDED,
        accountStatus: 'banned',
        suspendedUntil: null,
      });
    }
  });
});
