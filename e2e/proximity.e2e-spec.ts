import { randomUUID } from 'node:crypto';
import { waitFor } from '@rendezvous/testing';
import type { Person, Problem } from './support/api-client';
import { signInAdmin, signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';
import { expectData, expectProblem } from './support/typed-api';

const NO_MATCH = { match: false, sharedInterests: [], nudgeSent: false };
const bleToken = () => `ble-${randomUUID()}`;

const startSession = (person: Person, token: string, interests: string[]) =>
  person.api.POST('/api/v1/proximity/sessions', { body: { bleToken: token, interests } });

async function goLive(person: Person, interests: string[], token = bleToken()) {
  return { token, ...expectData(await startSession(person, token, interests), 201) };
}

const report = (person: Person, ownToken: string, detectedToken: string) =>
  person.api.POST('/api/v1/proximity/encounters', { body: { ownToken, detectedToken } });
const endSession = (person: Person) => person.api.DELETE('/api/v1/proximity/sessions/me');

describe('proximity through the gateway', () => {
  const sockets: RealtimeClient[] = [];
  const connect = async (person: Person) => {
    const socket = await connectRealtime(person.token);
    sockets.push(socket);
    return socket;
  };
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  const nudges = (socket: RealtimeClient) =>
    socket.received.filter((r) => r.event === 'proximity.nudge');

  it('starts a session, replaces it with the next one and ends it', async () => {
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    const first = await goLive(ada, ['chess']);
    expect(first).toEqual({
      token: first.token,
      sessionId: expect.any(String),
      expiresAt: expect.any(String),
    });
    const lifetime = Date.parse(first.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(7100 * 1000);
    expect(lifetime).toBeLessThanOrEqual(7200 * 1000);

    const second = await goLive(ada, ['jazz']);
    expect(second.sessionId).not.toBe(first.sessionId);
    const stale = await report(ada, first.token, bleToken());
    expect(expectProblem(stale, 403).code).toBe('PROXIMITY.NOT_YOUR_SESSION');
    expect(expectData(await report(ada, second.token, bleToken()), 200)).toEqual(NO_MATCH);

    // Someone else's live token cannot be taken over.
    const taken = await startSession(bob, second.token, ['jazz']);
    expect(expectProblem(taken, 409).code).toBe('PROXIMITY.TOKEN_IN_USE');

    expect((await endSession(ada)).response.status).toBe(204);
    expect((await endSession(ada)).response.status).toBe(204);
    expectProblem(await report(ada, second.token, bleToken()), 403);
    await goLive(bob, ['jazz'], second.token);
  });

  it('names every bad field of a session or an encounter', async () => {
    const ada = await signUp('Ada');
    // Bodies outside the document's limits: sent untyped.
    const post = (path: string, body: unknown) => ada.client.post<Problem>(path, body);
    const paths = (problem: Problem) => (problem.errors ?? []).map((e) => e.path).sort();

    const both = await post('/proximity/sessions', { bleToken: 'short', interests: [] });
    expect(both.status).toBe(400);
    expect(paths(both.body)).toEqual(['bleToken', 'interests']);
    for (const interests of [
      Array.from({ length: 21 }, (_, i) => `interest ${i}`),
      ['x'.repeat(41)],
      ['   '],
      'chess',
      [42],
    ]) {
      const response = await post('/proximity/sessions', { bleToken: bleToken(), interests });
      expect(response.status).toBe(400);
      expect(paths(response.body)).toEqual(['interests']);
    }
    for (const token of ['1234567', 'x'.repeat(129), 12345678]) {
      const response = await post('/proximity/sessions', { bleToken: token, interests: ['go'] });
      expect(paths(response.body)).toEqual(['bleToken']);
    }
    const unknownField = await post('/proximity/sessions', {
      bleToken: bleToken(),
      interests: ['chess'],
      name: 'Ada',
    });
    expect(unknownField.status).toBe(400);
    await goLive(ada, ['x'.repeat(40)]);

    const { token } = await goLive(ada, ['chess']);
    const self = await report(ada, token, token);
    expect(paths(expectProblem(self, 400))).toEqual(['detectedToken']);
    const missing = await post('/proximity/encounters', { ownToken: token });
    expect(missing.status).toBe(400);
    expect(paths(missing.body)).toEqual(['detectedToken']);
  });

  it('nudges both people over Socket.IO with the shared categories, never who the other is', async () => {
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    const [adaSocket, bobSocket] = await Promise.all([connect(ada), connect(bob)]);
    const adaSession = await goLive(ada, ['DevOps', 'Hardstyle', 'Pottery']);
    const bobSession = await goLive(bob, [' devops', 'HARDSTYLE  ', 'tennis']);

    const first = await report(ada, adaSession.token, bobSession.token);
    expect(expectData(first, 200)).toEqual({
      match: true,
      sharedInterests: ['tech', 'music'],
      nudgeSent: true,
    });
    const again = await report(bob, bobSession.token, adaSession.token);
    expect(expectData(again, 200)).toEqual({
      match: true,
      sharedInterests: ['tech', 'music'],
      nudgeSent: false,
    });

    for (const [socket, other, otherSession] of [
      [adaSocket, bob, bobSession],
      [bobSocket, ada, adaSession],
    ] as const) {
      const nudge = await socket.next('proximity.nudge');
      expect(nudge.payload).toEqual({
        sharedInterests: ['tech', 'music'],
        message: 'Someone nearby is into tech and music too. Say hello?',
        notificationId: expect.any(String),
        occurredAt: expect.any(String),
      });
      const text = JSON.stringify(nudge.payload);
      for (const secret of [other.id, other.name, otherSession.token, otherSession.sessionId]) {
        expect(text).not.toContain(secret);
      }
    }
    const history = expectData(await ada.api.GET('/api/v1/notifications'), 200);
    expect(history.items.filter((n) => n.event === 'proximity.nudge')).toEqual([
      {
        notificationId: expect.any(String),
        event: 'proximity.nudge',
        occurredAt: expect.any(String),
        payload: nudges(adaSocket)[0].payload,
      },
    ]);
  });

  it('answers strangers, unknown tokens and people without shared interests', async () => {
    const [ada, bob, eve] = await Promise.all([signUp('Ada'), signUp('Bob'), signUp('Eve')]);
    const adaSocket = await connect(ada);
    const adaSession = await goLive(ada, ['devops', 'jazz']);
    const bobSession = await goLive(bob, ['kubernetes', 'techno']);
    await goLive(eve, ['devops']);

    const foreign = await report(eve, adaSession.token, bobSession.token);
    expect(expectProblem(foreign, 403).code).toBe('PROXIMITY.NOT_YOUR_SESSION');
    const unknown = await report(ada, adaSession.token, bleToken());
    expect(expectData(unknown, 200)).toEqual(NO_MATCH);
    // Same categories, no shared interest: no match.
    const unrelated = await report(ada, adaSession.token, bobSession.token);
    expect(expectData(unrelated, 200)).toEqual(NO_MATCH);

    // A later nudge to Ada arrives alone: nothing was sent for the encounters above.
    const carol = await signUp('Carol');
    const carolSession = await goLive(carol, ['jazz']);
    const nudged = await report(carol, carolSession.token, adaSession.token);
    expect(expectData(nudged, 200).nudgeSent).toBe(true);
    await adaSocket.next('proximity.nudge');
    expect(nudges(adaSocket).map((n) => n.payload.sharedInterests)).toEqual([['music']]);
  });

  it('sends one nudge each when both phones report at the same instant', async () => {
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    const [adaSocket, bobSocket] = await Promise.all([connect(ada), connect(bob)]);
    const adaSession = await goLive(ada, ['chess', 'philosophy']);
    const bobSession = await goLive(bob, ['Chess', 'Philosophy']);
    const answers = await Promise.all([
      report(ada, adaSession.token, bobSession.token),
      report(bob, bobSession.token, adaSession.token),
      report(ada, adaSession.token, bobSession.token),
      report(bob, bobSession.token, adaSession.token),
    ]);
    expect(answers.map((a) => a.data?.sharedInterests)).toEqual(Array(4).fill(['ideas', 'games']));
    expect(answers.filter((a) => a.data?.nudgeSent)).toHaveLength(1);

    // After a later nudge to each of them, exactly one nudge for the pair has arrived.
    const carol = await signUp('Carol');
    const carolSession = await goLive(carol, ['chess']);
    await report(carol, carolSession.token, adaSession.token);
    await report(carol, carolSession.token, bobSession.token);
    for (const socket of [adaSocket, bobSocket]) {
      await waitFor(() => nudges(socket).length >= 2, { message: 'both nudges' });
      expect(nudges(socket).map((n) => n.payload.sharedInterests)).toEqual(
        expect.arrayContaining([['ideas', 'games'], ['games']]),
      );
      expect(nudges(socket)).toHaveLength(2);
    }
  });

  it('never nudges people who blocked each other', async () => {
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    expectData(await ada.api.POST('/api/v1/users/me/blocks', { body: { userId: bob.id } }), 201);
    // Until proximity has the block (events take a moment) they may match: start over then.
    await waitFor(
      async () => {
        const a = await goLive(ada, ['surfing']);
        const b = await goLive(bob, ['surfing']);
        const answers = [
          expectData(await report(bob, b.token, a.token), 200),
          expectData(await report(ada, a.token, b.token), 200),
        ];
        return answers.every((answer) => !answer.match);
      },
      { timeoutMs: 5_000, message: 'proximity to learn of the block' },
    );
  });

  it('keeps stats for admins only, counting sessions, matches and large categories', async () => {
    const [ada, adminClient] = await Promise.all([signUp('Ada'), signInAdmin()]);
    expectProblem(await ada.api.GET('/api/v1/proximity/stats'), 403);

    const stats = async () => expectData(await adminClient.api.GET('/api/v1/proximity/stats'), 200);
    const before = await stats();
    const people = await Promise.all(Array.from({ length: 5 }, (_, i) => signUp(`Player${i}`)));
    const sessions = await Promise.all(people.map((p) => goLive(p, ['backgammon'])));
    const matched = await report(people[0], sessions[0].token, sessions[1].token);
    expect(expectData(matched, 200).nudgeSent).toBe(true);

    const after = await waitFor(
      async () => {
        const body = await stats();
        return body.totalSessionsToday >= before.totalSessionsToday + 5 &&
          body.totalMatchesToday >= before.totalMatchesToday + 1
          ? body
          : undefined;
      },
      { message: 'the stats to count the new sessions' },
    );
    expect(Object.keys(after).sort()).toEqual([
      'activeSessionsNow',
      'topInterestCategories',
      'totalMatchesToday',
      'totalSessionsToday',
    ]);
    expect(after.activeSessionsNow).toBeGreaterThanOrEqual(5);
    const games = after.topInterestCategories.find((c) => c.category === 'games');
    expect(games?.count).toBeGreaterThanOrEqual(5);
    const counts = after.topInterestCategories.map((c) => c.count);
    expect(counts.every((count) => count >= 5)).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("ends a deleted person's session", async () => {
    const [ada, bob, carol] = await Promise.all([signUp('Ada'), signUp('Bob'), signUp('Carol')]);
    const adaSession = await goLive(ada, ['climbing']);
    const bobSession = await goLive(bob, ['cooking']);
    expect(expectData(await report(bob, bobSession.token, adaSession.token), 200)).toEqual(
      NO_MATCH,
    );
    const takeOver = async () =>
      (await startSession(carol, adaSession.token, ['go'])).response.status;
    expect(await takeOver()).toBe(409);

    expect((await ada.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
    // Once the session is gone, its token is free for anyone.
    await waitFor(async () => (await takeOver()) === 201, {
      timeoutMs: 5_000,
      message: "Ada's session to end",
    });
  });
});
