import { randomUUID } from 'node:crypto';
import { waitFor } from '@rendezvous/testing';
import type { Person } from './support/api-client';
import { signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime } from './support/realtime-client';

interface Ticket {
  ticketId: string;
  topic: string;
  difficulty: string;
  status: string;
  matchId?: string;
  expiresAt: string;
  code?: string;
}

const join = (person: Person, topic: string, difficulty = 'medium') =>
  person.client.post<Ticket>('/matching/queue', { topic, difficulty });
const confirm = (person: Person, matchId: string, accept: boolean) =>
  person.client.post<{ status: string; sessionId?: string }>(
    `/matching/queue/matches/${matchId}/confirm`,
    { accept },
  );
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

    const first = await join(ada, topic);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      ticketId: expect.any(String),
      topic: topic.toLowerCase(),
      difficulty: 'medium',
      status: 'waiting',
      expiresAt: expect.any(String),
    });
    const second = await join(bob, topic.toUpperCase());
    expect(second.status).toBe(201);
    expect(second.body.status).toBe('matched');
    const matchId = second.body.matchId ?? '';

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
    expect((await ada.client.get<Ticket>(`/matching/queue/${first.body.ticketId}`)).body).toEqual({
      ...first.body,
      status: 'matched',
      matchId,
    });

    const waiting = await confirm(ada, matchId, true);
    expect(waiting.status).toBe(202);
    expect(waiting.body).toEqual({ status: 'waiting' });
    expect((await confirm(ada, matchId, true)).status).toBe(202);
    const ready = await confirm(bob, matchId, true);
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', sessionId: expect.any(String) });
    expect((await confirm(bob, matchId, true)).body).toEqual(ready.body);

    const toAda = await adaSocket.next('queue.match_ready', (p) => p.matchId === matchId);
    const toBob = await bobSocket.next('queue.match_ready', (p) => p.matchId === matchId);
    expect(toAda.payload).toMatchObject({ sessionId: ready.body.sessionId, partnerId: bob.id });
    expect(toBob.payload).toMatchObject({ sessionId: ready.body.sessionId, partnerId: ada.id });
    expect(adaSocket.received.filter((r) => r.event === 'queue.match_ready')).toHaveLength(1);
  });

  it('answers repeats, other parameters, strangers and bad input as the contract says', async () => {
    const [ada, eve] = await Promise.all([signUp('Ada'), signUp('Eve')]);
    const topic = uniqueTopic();
    const first = await join(ada, topic, 'easy');
    expect(first.status).toBe(201);
    const again = await join(ada, `  ${topic} `, 'easy');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await join(ada, topic, 'hard');
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('MATCHING.TICKET_CONFLICT');

    const path = `/matching/queue/${first.body.ticketId}`;
    expect((await eve.client.get(path)).status).toBe(404);
    expect((await eve.client.request('DELETE', path)).status).toBe(404);
    expect((await confirm(eve, randomUUID(), true)).status).toBe(404);

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

    expect((await ada.client.request('DELETE', path)).status).toBe(204);
    expect((await ada.client.get<Ticket>(path)).body.status).toBe('cancelled');
    // After a cancel, a new ticket.
    expect((await join(ada, topic, 'hard')).status).toBe(201);
  });

  it('on a decline cancels the decliner and puts the other back in the queue, telling both', async () => {
    const [ada, bob] = await Promise.all([signUp('Ada'), signUp('Bob')]);
    const adaSocket = await connect(ada);
    const topic = uniqueTopic();
    const adaTicket = (await join(ada, topic)).body;
    const bobTicket = (await join(bob, topic)).body;
    const matchId = bobTicket.matchId ?? '';

    const declined = await confirm(bob, matchId, false);
    expect(declined.status).toBe(200);
    expect(declined.body).toEqual({ status: 'cancelled' });
    const told = await adaSocket.next('queue.match_cancelled', (p) => p.matchId === matchId);
    expect(told.payload).toMatchObject({ matchId, reason: 'declined' });

    const adaNow = (await ada.client.get<Ticket>(`/matching/queue/${adaTicket.ticketId}`)).body;
    expect(adaNow.status).toBe('waiting');
    expect(adaNow.matchId).toBeUndefined();
    expect(
      (await bob.client.get<Ticket>(`/matching/queue/${bobTicket.ticketId}`)).body.status,
    ).toBe('cancelled');
    // Ada is first in line for the next person.
    const carol = await signUp('Carol');
    const carolTicket = (await join(carol, topic)).body;
    expect(carolTicket.status).toBe('matched');
    expect(
      (await ada.client.get<Ticket>(`/matching/queue/${adaTicket.ticketId}`)).body.matchId,
    ).toBe(carolTicket.matchId);
  });

  it('never pairs people who blocked each other', async () => {
    const [ada, bob, carol] = await Promise.all([signUp('Ada'), signUp('Bob'), signUp('Carol')]);
    expect((await ada.client.post('/users/me/blocks', { userId: bob.id })).status).toBe(201);
    const topic = uniqueTopic();
    // Until matching has the block (events take a moment) they may pair: start over then.
    const adaTicket = await waitFor(
      async () => {
        const a = (await join(ada, topic)).body;
        const b = (await join(bob, topic)).body;
        if (b.status === 'waiting') return a;
        await ada.client.request('DELETE', `/matching/queue/${a.ticketId}`);
        await bob.client.request('DELETE', `/matching/queue/${b.ticketId}`);
        return undefined;
      },
      { timeoutMs: 5_000, message: 'matching to learn of the block' },
    );
    // Both wait in the same bucket; the next person pairs with the first in line.
    const carolTicket = (await join(carol, topic)).body;
    expect(carolTicket.status).toBe('matched');
    expect(
      (await ada.client.get<Ticket>(`/matching/queue/${adaTicket.ticketId}`)).body.matchId,
    ).toBe(carolTicket.matchId);
  });
});
