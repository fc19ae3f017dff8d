// Authenticated GET /api/v1/users/me through the gateway versus straight to the user service,
// side by side in one run: throughput with many connections (and the ratio), then the latency
// the gateway adds with one connection (requests alternating between the paths). A bare Node
// proxy (no checks, logs or headers of its own) runs beside both as the floor any Node proxy pays.
// Needs the suite running (`npm start`) with a general rate limit above the load, e.g.
//   RATE_LIMIT_PER_MINUTE=10000000 TRACING_EXPORTER=none npm start
// Usage: npm run bench:gateway -- [seconds=20] [connections=20] [gateway url] [user service url]
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { BenchRow, Log } from './support/bench-row';
import { latencyFigures } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { startBareProxy } from './support/bare-proxy';
import { numberArg, runFromCli } from './support/cli';
import { percentile } from './support/percentile';
import { processUsage, suitePid } from './support/process-usage';

export interface GatewayUsersMeOptions {
  seconds: number;
  connections: number;
  /** Straight to the user service; the gateway's comes from the context. */
  userServiceUrl: string;
  /** At most this many requests per measurement (smoke runs, under a suite's usual limits). */
  requests?: number;
}

const PATH = '/api/v1/users/me';
const STRAIGHT = 'GET /users/me straight to user';
const THROUGH = 'GET /users/me through the gateway';
const BARE = 'GET /users/me through a bare Node proxy';

type App = 'gateway' | 'user';

async function accessToken(gatewayUrl: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${randomUUID()}@bench.rendezvous.test`,
      password: `pw-${randomUUID()}`,
      name: 'Bench',
    }),
  });
  if (response.status !== 201) throw new Error(`signup failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** CPU time the given apps of the suite spent per request while `run` ran (µs). */
async function cpuPerRequest<T extends { requests: { total: number } }>(
  apps: App[],
  run: () => Promise<T>,
): Promise<{ result: T; cpu: string }> {
  const pids = apps.map((app) => suitePid(app));
  const before = pids.map((pid) => processUsage(pid).cpuSeconds);
  const result = await run();
  const perRequest = pids.map(
    (pid, i) =>
      `${apps[i]} ${(((processUsage(pid).cpuSeconds - before[i]) * 1e6) / Math.max(1, result.requests.total)).toFixed(0)} µs`,
  );
  return { result, cpu: `CPU per request: ${perRequest.join(', ')}` };
}

async function throughput(
  path: string,
  url: string,
  apps: App[],
  token: string,
  { seconds, connections, requests }: GatewayUsersMeOptions,
  log: Log,
): Promise<BenchRow> {
  const { result, cpu } = await cpuPerRequest(apps, () =>
    autocannon({
      url: `${url}${PATH}`,
      headers: { authorization: `Bearer ${token}` },
      connections,
      duration: seconds,
      ...(requests === undefined ? {} : { amount: requests }),
    }),
  );
  const failures = result.non2xx + result.errors + result.timeouts;
  // Not requests.average: that averages whole seconds, and a short run may have none.
  const rate = result.requests.total / result.duration;
  log(
    `${path.padEnd(34)} ${rate.toFixed(0).padStart(6)} req/s   ` +
      `p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   ` +
      `(${result.requests.total} requests, ${failures} not 2xx/errors; load ${load()})`,
  );
  log(`  ${cpu}`);
  if (failures > 0) log('  some requests failed: raise RATE_LIMIT_PER_MINUTE for the suite');
  return {
    path,
    load: `${connections} connections, ${seconds} s`,
    p50: result.latency.p50,
    p95: null,
    p99: result.latency.p99,
    throughput: rate,
    unit: 'req/s',
    errors: failures,
    note: `${cpu}; autocannon: whole milliseconds, no p95`,
  };
}

/** One GET on a kept-alive connection; milliseconds until the whole answer arrived. */
function timedGet(base: string, agent: Agent, token: string): Promise<number> {
  const url = new URL(PATH, base);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const outgoing = request(
      url,
      { agent, headers: { authorization: `Bearer ${token}` } },
      (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error(`${base}: ${response.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

interface Path {
  path: string;
  url: string;
}

/**
 * One client, one connection per path, requests alternating so all see the same machine; the
 * first path is the straight one the others are compared with.
 */
async function addedLatency(
  paths: Path[],
  token: string,
  { seconds, requests = Infinity }: GatewayUsersMeOptions,
  log: Log,
): Promise<BenchRow[]> {
  const agents = paths.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const samples: number[][] = paths.map(() => []);
  const started = Date.now();
  const until = started + seconds * 1000;
  try {
    while (Date.now() < until && samples[0].length < requests) {
      for (let i = 0; i < paths.length; i += 1) {
        samples[i].push(await timedGet(paths[i].url, agents[i], token));
      }
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  const elapsed = (Date.now() - started) / 1000;
  for (const values of samples) values.sort((a, b) => a - b);
  const added = (i: number) => percentile(samples[i], 50) - percentile(samples[0], 50);
  log(`1 connection, ${seconds} s, requests alternating (load ${load()})`);
  paths.forEach(({ path }, i) =>
    log(
      `${path.padEnd(40)} p50 ${percentile(samples[i], 50).toFixed(2)} ms   ` +
        `p99 ${percentile(samples[i], 99).toFixed(2)} ms   (${samples[i].length} requests)` +
        (i === 0 ? '' : `   adds p50 ${added(i).toFixed(2)} ms`),
    ),
  );
  return paths.map(({ path }, i) => ({
    path: `${path}, 1 connection`,
    load: `1 connection each, alternating, ${seconds} s`,
    ...latencyFigures(samples[i]),
    throughput: samples[i].length / elapsed,
    unit: 'req/s',
    errors: 0,
    ...(i === 0
      ? {}
      : {
          baseline: { path: `${paths[0].path}, 1 connection`, of: 'p50' as const },
          note: `adds ${added(i).toFixed(2)} ms at p50`,
        }),
  }));
}

export async function gatewayUsersMe(
  options: GatewayUsersMeOptions,
  { gatewayUrl, log }: BenchContext,
): Promise<BenchRow[]> {
  const token = await accessToken(gatewayUrl);
  const bare = await startBareProxy(options.userServiceUrl);
  try {
    log(`GET ${PATH}, ${options.connections} connections, ${options.seconds} s each`);
    // Warm every path (JWKS fetch, connection pools, JIT) before measuring.
    for (const url of [gatewayUrl, bare.url, options.userServiceUrl]) {
      await autocannon({
        url: `${url}${PATH}`,
        headers: { authorization: `Bearer ${token}` },
        connections: 4,
        duration: Math.min(3, options.seconds),
        ...(options.requests === undefined ? {} : { amount: options.requests }),
      });
    }
    const run = (path: string, url: string, apps: App[]) =>
      throughput(path, url, apps, token, options, log);
    const straight = await run(STRAIGHT, options.userServiceUrl, ['user']);
    const floor = await run(BARE, bare.url, ['user']);
    const through = await run(THROUGH, gatewayUrl, ['gateway', 'user']);
    const share = (row: BenchRow) =>
      `${(((row.throughput ?? 0) / (straight.throughput ?? 1)) * 100).toFixed(0)} %`;
    log(`of straight: gateway ${share(through)}, bare Node proxy ${share(floor)}`);
    const ofStraight = { path: STRAIGHT, of: 'throughput' as const };
    return [
      straight,
      { ...floor, baseline: ofStraight },
      { ...through, baseline: ofStraight },
      ...(await addedLatency(
        [
          { path: STRAIGHT, url: options.userServiceUrl },
          { path: BARE, url: bare.url },
          { path: THROUGH, url: gatewayUrl },
        ],
        token,
        options,
        log,
      )),
    ];
  } finally {
    await bare.stop();
  }
}

if (require.main === module) {
  runFromCli((context) =>
    gatewayUsersMe(
      {
        seconds: numberArg(0, 20),
        connections: numberArg(1, 20),
        userServiceUrl: process.argv[5] ?? 'http://127.0.0.1:3001',
      },
      { ...context, gatewayUrl: process.argv[4] ?? context.gatewayUrl },
    ),
  );
}
