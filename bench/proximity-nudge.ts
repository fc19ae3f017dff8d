// Proximity through the running suite (gateway, proximity, Redis outbox, Kafka, gateway
// notifications), with many live sessions in Redis:
//  1. seeds N live sessions (POST /proximity/sessions) and waits until the consumers of their
//     events (proximity's stats, the gateway's admin counters) have caught up,
//  2. nudge latency: from sending POST /proximity/encounters to both people receiving
//     proximity.nudge over Socket.IO, for fresh pairs with a shared interest,
//  3. encounter throughput: POST /proximity/encounters between random seeded people (last: the
//     nudges it sends leave a backlog behind it).
// People are minted with the suite's development key. Start the suite with a general rate limit
// above the load first:  RATE_LIMIT_PER_MINUTE=10000000 npm start
// Usage: npm run bench:proximity -- [sessions=10000] [pairs=500] [pairs at a time=1]
//                                    [encounters=10000] [encounters at a time=20]
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { percentile } from './support/percentile';
import { suiteTokenMinter } from './support/suite-tokens';

const SESSIONS = Number(process.argv[2] ?? 10_000);
const PAIRS = Number(process.argv[3] ?? 500);
const PAIR_CONCURRENCY = Number(process.argv[4] ?? 1);
const ENCOUNTERS = Number(process.argv[5] ?? 10_000);
const CONCURRENCY = Number(process.argv[6] ?? 20);
const GATEWAY = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:3000';

// A small vocabulary, so random people often share something (and are nudged once per pair).
const VOCABULARY = [
  'devops',
  'kubernetes',
  'hardstyle',
  'techno',
  'philosophy',
  'chess',
  'hiking',
  'climbing',
  'cooking',
  'coffee',
  'yoga',
  'poetry',
  'film',
  'football',
  'travel',
  'startups',
  'astronomy',
  'pottery',
  'board games',
  'parenting',
  'volunteering',
  'jazz',
  'running',
  'photography',
];

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => percentile(sorted, p).toFixed(1);
  return `${label}: p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
}

async function call(
  method: string,
  path: string,
  accessToken: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${GATEWAY}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${accessToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

interface Live {
  accessToken: string;
  bleToken: string;
}

async function goLive(accessToken: string, interests: string[]): Promise<Live> {
  const bleToken = `bench-${randomUUID()}`;
  const response = await call('POST', '/proximity/sessions', accessToken, { bleToken, interests });
  if (response.status !== 201) throw new Error(`session: ${response.status}`);
  return { accessToken, bleToken };
}

/** Runs `count` tasks, `concurrency` at a time; returns the failures. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  let failures = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        try {
          await task(i);
        } catch (error) {
          failures += 1;
          if (failures <= 3) console.error(String(error));
        }
      }
    }),
  );
  return failures;
}

/** `n` distinct items picked at random. */
function sample<T>(items: readonly T[], n: number): T[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(n, items.length)) {
    picked.add(Math.floor(Math.random() * items.length));
  }
  return [...picked].map((i) => items[i]);
}

function nudgeWaiter(socket: Socket): () => Promise<number> {
  let waiting: ((at: number) => void) | undefined;
  const arrived: number[] = [];
  socket.on('proximity.nudge', () => {
    const at = performance.now();
    if (waiting) waiting(at);
    else arrived.push(at);
  });
  return () =>
    new Promise((resolve, reject) => {
      const early = arrived.shift();
      if (early !== undefined) return resolve(early);
      const timer = setTimeout(() => reject(new Error('no proximity.nudge within 10 s')), 10_000);
      waiting = (at) => {
        clearTimeout(timer);
        waiting = undefined;
        resolve(at);
      };
    });
}

async function connect(accessToken: string): Promise<Socket> {
  const socket = io(GATEWAY, {
    auth: { token: accessToken },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

interface PairTiming {
  /** Sending the POST to both nudges received. */
  total: number;
  /** The POST's own round trip. */
  request: number;
}

async function onePair(mint: (userId: string) => Promise<string>): Promise<PairTiming> {
  const [a, b] = await Promise.all([mint(randomUUID()), mint(randomUUID())]);
  const [socketA, socketB] = await Promise.all([connect(a), connect(b)]);
  try {
    const nextA = nudgeWaiter(socketA);
    const nextB = nudgeWaiter(socketB);
    const shared = `bench ${randomUUID().slice(0, 8)}`;
    const [liveA, liveB] = await Promise.all([
      goLive(a, [shared, 'jazz']),
      goLive(b, [shared, 'chess']),
    ]);
    const sentAt = performance.now();
    const response = await call('POST', '/proximity/encounters', a, {
      ownToken: liveA.bleToken,
      detectedToken: liveB.bleToken,
    });
    const returnedAt = performance.now();
    if (response.status !== 200 || response.body['nudgeSent'] !== true) {
      throw new Error(`encounter: ${response.status} ${JSON.stringify(response.body)}`);
    }
    const [atA, atB] = await Promise.all([nextA(), nextB()]);
    await Promise.all([a, b].map((t) => call('DELETE', '/proximity/sessions/me', t)));
    return { total: Math.max(atA, atB) - sentAt, request: returnedAt - sentAt };
  } finally {
    socketA.close();
    socketB.close();
  }
}

async function main(): Promise<void> {
  const mint = await suiteTokenMinter();

  const stats = await call('GET', '/proximity/stats', await mint(randomUUID(), 'admin'));
  const sessionsBefore = Number(stats.body['totalSessionsToday']);
  const seeded: Live[] = [];
  let started = performance.now();
  const seedFailures = await pool(SESSIONS, 50, async () => {
    const accessToken = await mint(randomUUID());
    seeded.push(await goLive(accessToken, sample(VOCABULARY, 3 + Math.floor(Math.random() * 4))));
  });
  console.log(
    `seeded ${seeded.length} live sessions (${seedFailures} failed) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // The seeding's events are still being consumed; measure nudges once they are.
  const admin = await mint(randomUUID(), 'admin');
  const caughtUp = async () => {
    const [proximity, gateway] = await Promise.all([
      call('GET', '/proximity/stats', admin),
      call('GET', '/admin/stats', admin),
    ]);
    return (
      Number(proximity.body['totalSessionsToday']) >= sessionsBefore + seeded.length &&
      Number(gateway.body['activeProximitySessions']) >= seeded.length
    );
  };
  started = performance.now();
  while (!(await caughtUp()) && performance.now() - started < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(
    `consumers caught up with the seeding after ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const timings: PairTiming[] = [];
  const pairFailures = await pool(PAIRS, PAIR_CONCURRENCY, async () => {
    timings.push(await onePair(mint));
  });
  console.log(
    `nudges: ${timings.length} pairs (${pairFailures} failed), ${PAIR_CONCURRENCY} at a time`,
  );
  console.log(
    summary(
      'POST /proximity/encounters sent -> both got proximity.nudge',
      timings.map((t) => t.total),
    ),
  );
  console.log(
    summary(
      '  of which the POST itself',
      timings.map((t) => t.request),
    ),
  );

  const latencies: number[] = [];
  let matched = 0;
  let nudged = 0;
  started = performance.now();
  const encounterFailures = await pool(ENCOUNTERS, CONCURRENCY, async () => {
    const [own, other] = sample(seeded, 2);
    const at = performance.now();
    const response = await call('POST', '/proximity/encounters', own.accessToken, {
      ownToken: own.bleToken,
      detectedToken: other.bleToken,
    });
    latencies.push(performance.now() - at);
    if (response.status !== 200) throw new Error(`encounter: ${response.status}`);
    if (response.body['match']) matched += 1;
    if (response.body['nudgeSent']) nudged += 1;
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `encounters: ${latencies.length} requests (${encounterFailures} failed, ${matched} matched, ${nudged} nudged), ` +
      `${CONCURRENCY} at a time, ${(latencies.length / seconds).toFixed(0)} requests/s with ${seeded.length} live sessions`,
  );
  console.log(summary('POST /proximity/encounters', latencies));

  await pool(seeded.length, 50, async (i) => {
    await call('DELETE', '/proximity/sessions/me', seeded[i].accessToken);
  });
  process.exit(seedFailures + pairFailures + encounterFailures > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
