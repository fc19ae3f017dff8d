import { randomUUID } from 'node:crypto';
import { waitFor } from '@rendezvous/testing';
import type { components } from '@rendezvous/api-client';
import type { Person } from './support/api-client';
import { signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';
import { expectData, expectProblem } from './support/typed-api';

type Difficulty = components['schemas']['CreateTicketDto']['difficulty'];

const join = (person: Person, topic: string, difficulty: Difficulty = 'medium') =>
  person.api.POST('/api/v1/matching/queue', { body: { topic, difficulty } });
const joined = async (person: Person, topic: string) => expectData(await join(person, topic), 201);
const confirm = (person: Person, matchId: string, accept: boolean) =>
  person.api.POST('/api/v1/matching/queue/matches/{matchId}/confirm', {
    params: { path: { matchId } },
    body: { accept },
  });
const ticketOf = async (person: Person, ticketId: string) =>
  expectData(
    await person.api.GET('/api/v1/matching/queue/{ticketId}', {
      params: { path: { ticketId } },
    }),
    200,
  );
const leave = (person: Person, ticketId: string) =>
  person.api.DELETE('/api/v1/matching/queue/{ticketId}', { params: { path: { ticketId } } });
const uniqueTopic = () => `Topic ${randomUUID().slice(0, 8)}`;

describe('queue matchmaking through the gateway', () => {
  const sockets: RealtimeClient[] = [];
  const connect = async (person: Person) => {
    const socket = await connectRealtime(person.token);
    sockets.push(socket);
    return socket;
  };
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  it('pairs two people at once, tells both, and makes them ready with one session', async () => {
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    const [adaSocket, bobSocket] = await Promise.all([connect(ada), connect(bob)]);
    const topic = uniqueTopic();

    const first = await joined(ada, topic);
    expect(first).toEqual({
      ticketId: expect.any(String),
      topic: topic.toLowerCase(),
      difficulty: 'medium',
      status: 'waiting',
      expiresAt: expect.any(String),
    });
    const second = await joined(bob, topic.toUpperCase());
    expect(second.status).toBe('matched');
    const matchId = second.matchId ?? '';

    for (const [socket, partner] of [
      [adaSocket, bob],
      [bobSocket, ada],
    ] as const) {
      const found = await socket.next('queue.match_found', (p) => p.matchId === matchId);
      expect(found.payload).toEqual({
        matchId,
        partnerId: partner.id,
        topic: topic.toLowerCase(),
        difficulty: 'medium',
        confirmBy: expect.any(String),
        notificationId: expect.any(String),
        occurredAt: expect.any(String),
      });
    }
    expect(await ticketOf(ada, first.ticketId)).toEqual({ ...first, status: 'matched', matchId });

    expect(expectData(await confirm(ada, matchId, true), 202)).toEqual({ status: 'waiting' });
    expectData(await confirm(ada, matchId, true), 202);
    const ready = expectData(await confirm(bob, matchId, true), 200);
    expect(ready).toEqual({ status: 'ready', sessionId: expect.any(String) });
    expect(expectData(await confirm(bob, matchId, true), 200)).toEqual(ready);
    const sessionId = 'sessionId' in ready ? ready.sessionId : undefined;

    const toAda = await adaSocket.next('queue.match_ready', (p) => p.matchId === matchId);
    const toBob = await bobSocket.next('queue.match_ready', (p) => p.matchId === matchId);
    expect(toAda.payload).toMatchObject({ sessionId, partnerId: bob.id });
    expect(toBob.payload).toMatchObject({ sessionId, partnerId: ada.id });
    expect(adaSocket.received.filter((r) => r.event === 'queue.match_ready')).toHaveLength(1);
  });

  it('answers repeats, other parameters, strangers and bad input as the contract says', async () => {
    const [ada, eve] = await Promise.all([signUp('Ada'), signUp('Eve')]);
    const topic = uniqueTopic();
    const first = expectData(await join(ada, topic, 'easy'), 201);
    expect(expectData(await join(ada, `  ${topic} `, 'easy'), 200)).toEqual(first);
    const other = await join(ada, topic, 'hard');
    expect(expectProblem(other, 409).code).toBe('MATCHING.TICKET_CONFLICT');

    const ticket = { params: { path: { ticketId: first.ticketId } } };
    expectProblem(await eve.api.GET('/api/v1/matching/queue/{ticketId}', ticket), 404);
    expectProblem(await leave(eve, first.ticketId), 404);
    expectProblem(await confirm(eve, randomUUID(), true), 404);

    const badDifficulty = await ada.client.post('/matching/queue', { topic, difficulty: 'brutal' });
    expect(badDifficulty.status).toBe(400);
    expect(badDifficulty.body).toMatchObject({
      errors: [expect.objectContaining({ path: 'difficulty' })],
    });
    for (const bad of ['', '   ', 'x'.repeat(61), 42]) {
      const response = await eve.client.post('/matching/queue', { topic: bad, difficulty: 'easy' });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ errors: [expect.objectContaining({ path: 'topic' })] });
    }
    const badAccept = await eve.client.post(`/matching/queue/matches/${randomUUID()}/confirm`, {
      accept: 'yes',
    });
    expect(badAccept.status).toBe(400);

    expect((await leave(ada, first.ticketId)).response.status).toBe(204);
    expect((await ticketOf(ada, first.ticketId)).status).toBe('cancelled');
    // After a cancel, a new ticket.
    expectData(await join(ada, topic, 'hard'), 201);
  });

  it('on a decline cancels the decliner and puts the other back in the queue, telling both', async () => {
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    const adaSocket = await connect(ada);
    const topic = uniqueTopic();
    const adaTicket = await joined(ada, topic);
    const bobTicket = await joined(bob, topic);
    const matchId = bobTicket.matchId ?? '';

    expect(expectData(await confirm(bob, matchId, false), 200)).toEqual({ status: 'cancelled' });
    const told = await adaSocket.next('queue.match_cancelled', (p) => p.matchId === matchId);
    expect(told.payload).toMatchObject({ matchId, reason: 'declined' });

    const adaNow = await ticketOf(ada, adaTicket.ticketId);
    expect(adaNow.status).toBe('waiting');
    expect(adaNow.matchId).toBeUndefined();
    expect((await ticketOf(bob, bobTicket.ticketId)).status).toBe('cancelled');
    // Ada is first in line for the next person.
    const carol = await signUp('Carol');
    const carolTicket = await joined(carol, topic);
    expect(carolTicket.status).toBe('matched');
    expect((await ticketOf(ada, adaTicket.ticketId)).matchId).toBe(carolTicket.matchId);
  });

  it('never pairs people who blocked each other', async () => {
    const [ada, bob, carol] = await Promise.all([signUp('Ada'), signUp('Bob'), signUp('Carol')]);
    expectData(await ada.api.POST('/api/v1/users/me/blocks', { body: { userId: bob.id } }), 201);
    const topic = uniqueTopic();
    // Until matching has the block (events take a moment) they may pair: start over then.
    const adaTicket = await waitFor(
      async () => {
        const a = await joined(ada, topic);
        const b = await joined(bob, topic);
        if (b.status === 'waiting') return a;
        await leave(ada, a.ticketId);
        await leave(bob, b.ticketId);
        return undefined;
      },
      { timeoutMs: 5_000, message: 'matching to learn of the block' },
    );
    // Both wait in the same bucket; the next person pairs with the first in line.
    const carolTicket = await joined(carol, topic);
    expect(carolTicket.status).toBe('matched');
    expect((await ticketOf(ada, adaTicket.ticketId)).matchId).toBe(carolTicket.matchId);
  });
});
