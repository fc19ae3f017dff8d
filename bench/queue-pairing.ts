// Time from the second ticket's POST /matching/queue returning to both people receiving
// queue.match_found over Socket.IO, through the running suite (gateway, matching, Redis outbox,
// Kafka, gateway notifications). People are minted with the suite's development key.
// Start the suite first:  npm start
// Usage: npm run bench:queue -- [pairs=1000] [concurrent pairs=20]
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { percentile } from './support/percentile';
import { suiteTokenMinter } from './support/suite-tokens';

const PAIRS = Number(process.argv[2] ?? 1000);
const CONCURRENCY = Number(process.argv[3] ?? 20);
const GATEWAY = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:3000';

interface Person {
  token: string;
  socket: Socket;
  /** Resolves with the time a queue.match_found for `matchId` arrived. */
  foundAt(matchId: string): Promise<number>;
}

async function person(mint: (userId: string) => Promise<string>): Promise<Person> {
  const token = await mint(randomUUID());
  const socket = io(GATEWAY, {
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

async function enqueue(who: Person, topic: string): Promise<{ status: number; matchId?: string }> {
  const response = await fetch(`${GATEWAY}/api/v1/matching/queue`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ topic, difficulty: 'medium' }),
  });
  const body = (await response.json()) as { matchId?: string };
  return { status: response.status, matchId: body.matchId };
}

async function onePair(mint: (userId: string) => Promise<string>): Promise<number> {
  const [a, b] = await Promise.all([person(mint), person(mint)]);
  try {
    const topic = `bench ${randomUUID()}`;
    const first = await enqueue(a, topic);
    if (first.status !== 201) throw new Error(`first ticket: ${first.status}`);
    const second = await enqueue(b, topic);
    const returnedAt = performance.now();
    if (second.status !== 201 || !second.matchId)
      throw new Error(`second ticket: ${second.status}`);
    const [atA, atB] = await Promise.all([a.foundAt(second.matchId), b.foundAt(second.matchId)]);
    return Math.max(atA, atB) - returnedAt;
  } finally {
    a.socket.close();
    b.socket.close();
  }
}

async function main(): Promise<void> {
  const mint = await suiteTokenMinter();
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < PAIRS) {
        next += 1;
        try {
          latencies.push(await onePair(mint));
        } catch (error) {
          failures += 1;
          if (failures <= 3) console.error(String(error));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  console.log(
    `queue pairing: ${latencies.length} pairs (${failures} failed), ${CONCURRENCY} pairs at a time`,
  );
  console.log(
    `second POST returned -> both got queue.match_found: p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
      `max ${latencies[latencies.length - 1].toFixed(1)} ms`,
  );
  console.log(
    `sustained: ${(latencies.length / seconds).toFixed(1)} pairs/s (each pair: 2 socket connects, 2 POSTs, 2 pushes)`,
  );
  process.exit(failures > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
