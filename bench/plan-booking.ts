// Time from the invitee's POST /plans/:id/accept to both people holding booking.confirmed over
// Socket.IO, through the running suite: gateway → booking agent (plan.confirmed through its
// outbox and Kafka back to itself, the in-house provider, booking.confirmed) → Kafka → gateway
// notifications. People sign up through the API (the agent must know them); the venue is made
// with an admin token minted from the suite's development key.
// Start the suite first:  RATE_LIMIT_PER_MINUTE=10000000 RATE_LIMIT_AUTH_PER_MINUTE=1000 npm start
// Usage: npm run bench:plans -- [plans=200] [concurrent plans=5] [people=20]
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { percentile } from './support/percentile';
import { suiteTokenMinter } from './support/suite-tokens';

const PLANS = Number(process.argv[2] ?? 200);
const CONCURRENCY = Number(process.argv[3] ?? 5);
const PEOPLE = Math.max(2, Number(process.argv[4] ?? 20));
const GATEWAY = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:3000';

async function api<T>(method: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${GATEWAY}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

interface Person {
  id: string;
  token: string;
  socket: Socket;
  /** Resolves with the time booking.confirmed for `planId` arrived. */
  bookedAt(planId: string): Promise<number>;
}

async function signUp(): Promise<Person> {
  const email = `bench-${randomUUID().slice(0, 12)}@bench.rendezvous.test`;
  const signup = await api<{ user: { id: string }; accessToken: string }>(
    'POST',
    '/auth/signup',
    null,
    { email, password: `pw-${randomUUID()}`, name: 'Bench' },
  );
  if (signup.status !== 201) throw new Error(`signup: ${signup.status}`);
  const token = signup.body.accessToken;
  const socket = io(GATEWAY, { auth: { token }, transports: ['websocket'], forceNew: true });
  const arrivals = new Map<string, number>();
  const waiters = new Map<string, (at: number) => void>();
  socket.on('booking.confirmed', (payload: { planId: string }) => {
    const at = performance.now();
    arrivals.set(payload.planId, at);
    waiters.get(payload.planId)?.(at);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    id: signup.body.user.id,
    token,
    socket,
    bookedAt: (planId) =>
      new Promise((resolve, reject) => {
        const known = arrivals.get(planId);
        if (known !== undefined) return resolve(known);
        const timer = setTimeout(
          () => reject(new Error(`no booking.confirmed for ${planId}`)),
          15_000,
        );
        waiters.set(planId, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      }),
  };
}

/** Proposes once the agent knows the venue and the people (a 404 before creates nothing). */
async function propose(organizer: Person, body: object): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const response = await api<{ id: string }>('POST', '/plans', organizer.token, body);
    if (response.status === 201) return response.body.id;
    if (response.status !== 404) throw new Error(`propose: ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the booking agent never learned of the venue or people');
}

async function main(): Promise<void> {
  const mint = await suiteTokenMinter();
  const admin = await mint(randomUUID(), 'admin');
  const venue = await api<{ id: string }>('POST', '/venues', admin, {
    name: 'Bench Hall',
    category: 'coworking',
    lat: 52.52,
    lng: 13.4,
    priceLevel: 1,
    capacity: 100_000,
  });
  if (venue.status !== 201) throw new Error(`venue: ${venue.status}`);
  const people: Person[] = [];
  for (let i = 0; i < PEOPLE; i++) people.push(await signUp());

  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < PLANS; i = next++) {
      const organizer = people[i % PEOPLE];
      const invitee = people[(i + 1) % PEOPLE];
      try {
        const startsAt = new Date(Date.now() + (24 + i) * 3_600_000).toISOString();
        const planId = await propose(organizer, {
          venueId: venue.body.id,
          startsAt,
          inviteeIds: [invitee.id],
        });
        const sent = performance.now();
        const accepted = await api('POST', `/plans/${planId}/accept`, invitee.token);
        if (accepted.status !== 200) throw new Error(`accept: ${accepted.status}`);
        const arrivals = await Promise.all([organizer.bookedAt(planId), invitee.bookedAt(planId)]);
        latencies.push(Math.max(...arrivals) - sent);
      } catch (error) {
        failed += 1;
        console.error(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  for (const person of people) person.socket.close();

  const sorted = latencies.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`plans: ${PLANS} (${CONCURRENCY} at a time, ${PEOPLE} people), failed: ${failed}`);
  console.log(
    `accept → both hold booking.confirmed: p50 ${ms(percentile(sorted, 50))}, ` +
      `p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, ` +
      `max ${ms(sorted.at(-1) ?? 0)}`,
  );
  console.log(
    `throughput: ${(latencies.length / seconds).toFixed(1)} plans/s (propose + accept + booking)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
