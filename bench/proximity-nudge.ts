// Proximity through the running suite (gateway, proximity, Redis outbox, Kafka, gateway
// notifications), with many live sessions in Redis:
//  1. seeds N live sessions (POST /proximity/sessions) and waits until the consumers of their
//     events (proximity's stats, the gateway's admin counters) have caught up,
//  2. nudge latency: from sending POST /proximity/encounters to both people receiving
//     proximity.nudge over Socket.IO, for fresh pairs with a shared interest,
//  3. encounter throughput: POST /proximity/encounters between random seeded people, through the
//     gateway and straight to the proximity service, in alternating halves (last: the nudges
//     it sends leave a backlog behind it).
// People are minted with the suite's development key. Start the suite with a general rate limit
// above the load first:  RATE_LIMIT_PER_MINUTE=10000000 npm start
// Usage: npm run bench:proximity -- [sessions=10000] [pairs=500] [pairs at a time=1]
//                                    [encounters per path=10000] [encounters at a time=20]
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import type { BenchRow } from './support/bench-row';
import { latencyFigures } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { numberArg, runFromCli } from './support/cli';
import { percentile } from './support/percentile';
import { suiteTokenMinter } from './support/suite-tokens';

export interface ProximityNudgeOptions {
  /** Live sessions seeded before measuring. */
  sessions: number;
  /** Fresh pairs timed from the encounter to both nudges. */
  pairs: number;
  pairConcurrency: number;
  /** Encounters sent through the gateway, and as many straight to the service. */
  encounters: number;
  concurrency: number;
}

const PROXIMITY_SERVICE = process.env['PROXIMITY_SERVICE_URL'] ?? 'http://127.0.0.1:3004';

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
  origin: string,
  method: string,
  path: string,
  accessToken: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${origin}/api/v1${path}`, {
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

async function goLive(gateway: string, accessToken: string, interests: string[]): Promise<Live> {
  const bleToken = `bench-${randomUUID()}`;
  const body = { bleToken, interests };
  const response = await call(gateway, 'POST', '/proximity/sessions', accessToken, body);
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

async function connect(gateway: string, accessToken: string): Promise<Socket> {
  const socket = io(gateway, {
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

async function onePair(
  gateway: string,
  mint: (userId: string) => Promise<string>,
): Promise<PairTiming> {
  const [a, b] = await Promise.all([mint(randomUUID()), mint(randomUUID())]);
  const [socketA, socketB] = await Promise.all([connect(gateway, a), connect(gateway, b)]);
  try {
    const nextA = nudgeWaiter(socketA);
    const nextB = nudgeWaiter(socketB);
    const shared = `bench ${randomUUID().slice(0, 8)}`;
    const [liveA, liveB] = await Promise.all([
      goLive(gateway, a, [shared, 'jazz']),
      goLive(gateway, b, [shared, 'chess']),
    ]);
    const sentAt = performance.now();
    const response = await call(gateway, 'POST', '/proximity/encounters', a, {
      ownToken: liveA.bleToken,
      detectedToken: liveB.bleToken,
    });
    const returnedAt = performance.now();
    if (response.status !== 200 || response.body['nudgeSent'] !== true) {
      throw new Error(`encounter: ${response.status} ${JSON.stringify(response.body)}`);
    }
    const [atA, atB] = await Promise.all([nextA(), nextB()]);
    await Promise.all([a, b].map((t) => call(gateway, 'DELETE', '/proximity/sessions/me', t)));
    return { total: Math.max(atA, atB) - sentAt, request: returnedAt - sentAt };
  } finally {
    socketA.close();
    socketB.close();
  }
}

/** Encounters between random seeded people at `origin`, `concurrency` at a time. */
async function encounters(
  origin: string,
  seeded: Live[],
  count: number,
  concurrency: number,
): Promise<{
  latencies: number[];
  seconds: number;
  failures: number;
  matched: number;
  nudged: number;
}> {
  const latencies: number[] = [];
  let matched = 0;
  let nudged = 0;
  const started = performance.now();
  const failures = await pool(count, concurrency, async () => {
    const [own, other] = sample(seeded, 2);
    const at = performance.now();
    const response = await call(origin, 'POST', '/proximity/encounters', own.accessToken, {
      ownToken: own.bleToken,
      detectedToken: other.bleToken,
    });
    latencies.push(performance.now() - at);
    if (response.status !== 200) throw new Error(`encounter: ${response.status}`);
    if (response.body['match']) matched += 1;
    if (response.body['nudgeSent']) nudged += 1;
  });
  return { latencies, seconds: (performance.now() - started) / 1000, failures, matched, nudged };
}

export async function proximityNudge(
  options: ProximityNudgeOptions,
  { gatewayUrl: gateway, log }: BenchContext,
): Promise<BenchRow[]> {
  const { sessions, pairs, pairConcurrency, concurrency } = options;
  const mint = await suiteTokenMinter();
  const admin = await mint(randomUUID(), 'admin');

  const stats = await call(gateway, 'GET', '/proximity/stats', admin);
  const sessionsBefore = Number(stats.body['totalSessionsToday']);
  const seeded: Live[] = [];
  let started = performance.now();
  const seedFailures = await pool(sessions, 50, async () => {
    const accessToken = await mint(randomUUID());
    const interests = sample(VOCABULARY, 3 + Math.floor(Math.random() * 4));
    seeded.push(await goLive(gateway, accessToken, interests));
  });
  log(
    `seeded ${seeded.length} live sessions (${seedFailures} failed) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // The seeding's events are still being consumed; measure nudges once they are.
  const caughtUp = async () => {
    const [proximity, gatewayStats] = await Promise.all([
      call(gateway, 'GET', '/proximity/stats', admin),
      call(gateway, 'GET', '/admin/stats', admin),
    ]);
    return (
      Number(proximity.body['totalSessionsToday']) >= sessionsBefore + seeded.length &&
      Number(gatewayStats.body['activeProximitySessions']) >= seeded.length
    );
  };
  started = performance.now();
  while (!(await caughtUp()) && performance.now() - started < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log(
    `consumers caught up with the seeding after ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const timings: PairTiming[] = [];
  const pairFailures = await pool(pairs, pairConcurrency, async () => {
    timings.push(await onePair(gateway, mint));
  });
  log(`nudges: ${timings.length} pairs (${pairFailures} failed), ${pairConcurrency} at a time`);
  log(
    summary(
      'POST /proximity/encounters sent -> both got proximity.nudge',
      timings.map((t) => t.total),
    ),
  );
  log(
    summary(
      '  of which the POST itself',
      timings.map((t) => t.request),
    ),
  );

  // Halves alternate between the two paths, so both share the machine's mood and the backlog.
  const paths = [
    { label: 'straight to proximity', origin: PROXIMITY_SERVICE },
    { label: 'through the gateway', origin: gateway },
  ];
  const measured = paths.map(() => ({ latencies: [] as number[], seconds: 0, failures: 0 }));
  for (let half = 0; half < 2; half++) {
    for (const [i, { origin }] of paths.entries()) {
      const count =
        half === 0 ? Math.floor(options.encounters / 2) : Math.ceil(options.encounters / 2);
      const run = await encounters(origin, seeded, count, concurrency);
      measured[i].latencies.push(...run.latencies);
      measured[i].seconds += run.seconds;
      measured[i].failures += run.failures;
      if (i === 1 && half === 1)
        log(`  (last half through the gateway: ${run.matched} matched, ${run.nudged} nudged)`);
    }
  }
  const rows: BenchRow[] = [
    {
      path: 'encounter sent -> both get proximity.nudge',
      load: `${pairs} fresh pairs, ${pairConcurrency} at a time, ${seeded.length} sessions`,
      ...latencyFigures(timings.map((t) => t.total).sort((a, b) => a - b)),
      throughput: null,
      unit: 'pairs/s',
      errors: seedFailures + pairFailures,
    },
  ];
  for (const [i, { label }] of paths.entries()) {
    const { latencies, seconds, failures } = measured[i];
    const rate = latencies.length / seconds;
    log(
      `encounters ${label}: ${latencies.length} requests (${failures} failed), ` +
        `${concurrency} at a time, ${rate.toFixed(0)} requests/s with ${seeded.length} live sessions`,
    );
    log(summary(`POST /proximity/encounters ${label}`, latencies));
    rows.push({
      path: `POST /proximity/encounters ${label}`,
      load: `${concurrency} clients, ${latencies.length} requests, ${seeded.length} sessions`,
      ...latencyFigures([...latencies].sort((a, b) => a - b)),
      throughput: rate,
      unit: 'req/s',
      errors: failures,
      ...(i === 1 && { baseline: { path: rows[1].path, of: 'throughput' as const } }),
    });
  }

  await pool(seeded.length, 50, async (i) => {
    await call(gateway, 'DELETE', '/proximity/sessions/me', seeded[i].accessToken);
  });
  return rows;
}

if (require.main === module) {
  runFromCli((context) =>
    proximityNudge(
      {
        sessions: numberArg(0, 10_000),
        pairs: numberArg(1, 500),
        pairConcurrency: numberArg(2, 1),
        encounters: numberArg(3, 10_000),
        concurrency: numberArg(4, 20),
      },
      context,
    ),
  );
}
