// Time from the invitee's POST /plans/:id/accept to both people holding booking.confirmed over
// Socket.IO, through the running suite: gateway → booking agent (plan.confirmed through its
// outbox and Kafka back to itself, the in-house provider, booking.confirmed) → Kafka → gateway
// notifications. People sign up at the user service (the agent learns of them from its events);
// the venue is made with an admin token minted from the suite's development key.
// Start the suite first:  RATE_LIMIT_PER_MINUTE=10000000 npm start
// Usage: npm run bench:plans -- [plans=200] [concurrent plans=5] [people=20]
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import type { BenchRow } from './support/bench-row';
import { latencyFigures } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { numberArg, runFromCli } from './support/cli';
import { percentile } from './support/percentile';
import { signUp } from './support/sign-up';
import { suiteTokenMinter } from './support/suite-tokens';

export interface PlanBookingOptions {
  plans: number;
  /** Plans in flight at once. */
  concurrency: number;
  /** People the plans rotate through (at least 2). */
  people: number;
}

async function api<T>(
  gateway: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
) {
  const response = await fetch(`${gateway}/api/v1${path}`, {
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

async function person(gateway: string): Promise<Person> {
  const signedIn = await signUp(
    `bench-${randomUUID().slice(0, 12)}@bench.rendezvous.test`,
    `pw-${randomUUID()}`,
  );
  const token = signedIn.accessToken;
  const socket = io(gateway, { auth: { token }, transports: ['websocket'], forceNew: true });
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
    id: signedIn.user.id,
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
async function propose(gateway: string, organizer: Person, body: object): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const response = await api<{ id: string }>(gateway, 'POST', '/plans', organizer.token, body);
    if (response.status === 201) return response.body.id;
    if (response.status !== 404) throw new Error(`propose: ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the booking agent never learned of the venue or people');
}

export async function planBooking(
  options: PlanBookingOptions,
  { gatewayUrl: gateway, log }: BenchContext,
): Promise<BenchRow[]> {
  const { plans, concurrency } = options;
  const peopleCount = Math.max(2, options.people);
  const mint = await suiteTokenMinter();
  const admin = await mint(randomUUID(), 'admin');
  const venue = await api<{ id: string }>(gateway, 'POST', '/venues', admin, {
    name: 'Bench Hall',
    category: 'coworking',
    lat: 52.52,
    lng: 13.4,
    priceLevel: 1,
    capacity: 100_000,
  });
  if (venue.status !== 201) throw new Error(`venue: ${venue.status}`);
  const people: Person[] = [];
  for (let i = 0; i < peopleCount; i++) people.push(await person(gateway));

  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < plans; i = next++) {
      const organizer = people[i % peopleCount];
      const invitee = people[(i + 1) % peopleCount];
      try {
        const startsAt = new Date(Date.now() + (24 + i) * 3_600_000).toISOString();
        const planId = await propose(gateway, organizer, {
          venueId: venue.body.id,
          startsAt,
          inviteeIds: [invitee.id],
        });
        const sent = performance.now();
        const accepted = await api(gateway, 'POST', `/plans/${planId}/accept`, invitee.token);
        if (accepted.status !== 200) throw new Error(`accept: ${accepted.status}`);
        const arrivals = await Promise.all([organizer.bookedAt(planId), invitee.bookedAt(planId)]);
        latencies.push(Math.max(...arrivals) - sent);
      } catch (error) {
        failed += 1;
        console.error(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  for (const someone of people) someone.socket.close();

  const sorted = latencies.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const rate = latencies.length / seconds;
  log(`plans: ${plans} (${concurrency} at a time, ${peopleCount} people), failed: ${failed}`);
  log(
    `accept → both hold booking.confirmed: p50 ${ms(percentile(sorted, 50))}, ` +
      `p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, ` +
      `max ${ms(sorted.at(-1) ?? 0)}`,
  );
  log(`throughput: ${rate.toFixed(1)} plans/s (propose + accept + booking)`);
  return [
    {
      path: 'plan accept -> both get booking.confirmed',
      load: `${plans} plans, ${concurrency} at a time, ${peopleCount} people`,
      ...latencyFigures(sorted),
      throughput: rate,
      unit: 'plans/s',
      errors: failed,
      note: 'rate counts propose + accept + booking',
    },
  ];
}

if (require.main === module) {
  runFromCli((context) =>
    planBooking(
      { plans: numberArg(0, 200), concurrency: numberArg(1, 5), people: numberArg(2, 20) },
      context,
    ),
  );
}
