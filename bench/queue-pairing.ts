// Time from the second ticket's POST /matching/queue returning to both people receiving
// queue.match_found over Socket.IO, through the running suite (gateway, matching, Redis outbox,
// Kafka, gateway notifications). People are minted with the suite's development key.
// Beside it, in the same run, the system it replaced as a simulated baseline: that one paired
// waiting people on a poll every 2 s, so each pair also waits for the next poll.
// Start the suite first:  npm start
// Usage: npm run bench:queue -- [pairs=1000] [concurrent pairs=20]
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import type { BenchRow } from './support/bench-row';
import { latencyFigures } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { numberArg, runFromCli } from './support/cli';
import { percentile } from './support/percentile';
import { suiteTokenMinter } from './support/suite-tokens';

export interface QueuePairingOptions {
  pairs: number;
  concurrency: number;
}

const OLD_POLL_MS = 2000;

interface Person {
  token: string;
  socket: Socket;
  /** Resolves with the time a queue.match_found for `matchId` arrived. */
  foundAt(matchId: string): Promise<number>;
}

type Mint = (userId: string) => Promise<string>;

async function person(gateway: string, mint: Mint): Promise<Person> {
  const token = await mint(randomUUID());
  const socket = io(gateway, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const arrivals = new Map<string, number>();
  const waiters = new Map<string, (at: number) => void>();
  socket.on('queue.match_found', (payload: { matchId: string }) => {
    const at = performance.now();
    arrivals.set(payload.matchId, at);
    waiters.get(payload.matchId)?.(at);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    token,
    socket,
    foundAt: (matchId) =>
      new Promise((resolve, reject) => {
        const known = arrivals.get(matchId);
        if (known !== undefined) return resolve(known);
        const timer = setTimeout(
          () => reject(new Error(`no queue.match_found for ${matchId}`)),
          10_000,
        );
        waiters.set(matchId, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      }),
  };
}

async function enqueue(
  gateway: string,
  who: Person,
  topic: string,
): Promise<{ status: number; matchId?: string }> {
  const response = await fetch(`${gateway}/api/v1/matching/queue`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ topic, difficulty: 'medium' }),
  });
  const body = (await response.json()) as { matchId?: string };
  return { status: response.status, matchId: body.matchId };
}

interface PairTiming {
  /** The second ticket's POST returned to both holding queue.match_found. */
  latency: number;
  returnedAt: number;
}

async function onePair(gateway: string, mint: Mint): Promise<PairTiming> {
  const [a, b] = await Promise.all([person(gateway, mint), person(gateway, mint)]);
  try {
    const topic = `bench ${randomUUID()}`;
    const first = await enqueue(gateway, a, topic);
    if (first.status !== 201) throw new Error(`first ticket: ${first.status}`);
    const second = await enqueue(gateway, b, topic);
    const returnedAt = performance.now();
    if (second.status !== 201 || !second.matchId)
      throw new Error(`second ticket: ${second.status}`);
    const [atA, atB] = await Promise.all([a.foundAt(second.matchId), b.foundAt(second.matchId)]);
    return { latency: Math.max(atA, atB) - returnedAt, returnedAt };
  } finally {
    a.socket.close();
    b.socket.close();
  }
}

/**
 * The old system's time for the same pair: it paired on a poll every 2 s (at a phase of its own,
 * unrelated to arrivals), so the pair waits for the next poll, then is delivered as now.
 */
function simulatedPolling(timings: PairTiming[]): number[] {
  const phase = Math.random() * OLD_POLL_MS;
  return timings.map(({ latency, returnedAt }) => {
    const sinceLastPoll = (((returnedAt - phase) % OLD_POLL_MS) + OLD_POLL_MS) % OLD_POLL_MS;
    return OLD_POLL_MS - sinceLastPoll + latency;
  });
}

const line = (label: string, sorted: number[]) => {
  const at = (p: number) => `${percentile(sorted, p).toFixed(1)} ms`;
  return `${label}: p50 ${at(50)}, p95 ${at(95)}, p99 ${at(99)}, max ${at(100)}`;
};

export async function queuePairing(
  { pairs, concurrency }: QueuePairingOptions,
  { gatewayUrl, log }: BenchContext,
): Promise<BenchRow[]> {
  const mint = await suiteTokenMinter();
  const timings: PairTiming[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < pairs) {
        next += 1;
        try {
          timings.push(await onePair(gatewayUrl, mint));
        } catch (error) {
          failures += 1;
          if (failures <= 3) console.error(String(error));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const latencies = timings.map((t) => t.latency).sort((x, y) => x - y);
  const polled = simulatedPolling(timings).sort((x, y) => x - y);
  const rate = latencies.length / seconds;
  log(
    `queue pairing: ${latencies.length} pairs (${failures} failed), ${concurrency} pairs at a time`,
  );
  log(line('second POST returned -> both got queue.match_found', latencies));
  log(line(`old system simulated (a poll every ${OLD_POLL_MS / 1000} s)`, polled));
  log(`sustained: ${rate.toFixed(1)} pairs/s (each pair: 2 socket connects, 2 POSTs, 2 pushes)`);
  const load = `${pairs} pairs, ${concurrency} at a time`;
  const polling = `old polling pairing (simulated, ${OLD_POLL_MS / 1000} s polls)`;
  return [
    {
      path: polling,
      load,
      ...latencyFigures(polled),
      throughput: null,
      unit: 'pairs/s',
      errors: 0,
    },
    {
      path: 'queue: 2nd ticket -> both get match_found',
      load,
      ...latencyFigures(latencies),
      throughput: rate,
      unit: 'pairs/s',
      errors: failures,
      baseline: { path: polling, of: 'p50' },
    },
  ];
}

if (require.main === module) {
  runFromCli((context) =>
    queuePairing({ pairs: numberArg(0, 1000), concurrency: numberArg(1, 20) }, context),
  );
}
