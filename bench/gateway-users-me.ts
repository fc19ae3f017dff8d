// Authenticated GET /api/v1/users/me through the gateway versus straight to the user service,
// side by side in one run: throughput with many connections (and the ratio), then the latency
// the gateway adds with one connection (requests alternating between the two paths).
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

/** CPU time the gateway and the user service spent per request while `run` ran (µs). */
async function cpuPerRequest<T extends { requests: { total: number } }>(
  run: () => Promise<T>,
): Promise<{ result: T; cpu: string }> {
  const pids = { gateway: suitePid('gateway'), user: suitePid('user') };
  const before = { gateway: processUsage(pids.gateway), user: processUsage(pids.user) };
  const result = await run();
  const perRequest = (app: 'gateway' | 'user') =>
    (
      ((processUsage(pids[app]).cpuSeconds - before[app].cpuSeconds) * 1e6) /
      Math.max(1, result.requests.total)
    ).toFixed(0);
  return {
    result,
    cpu: `CPU per request: gateway ${perRequest('gateway')} µs, user ${perRequest('user')} µs`,
  };
}

async function throughput(
  path: string,
  url: string,
  token: string,
  { seconds, connections, requests }: GatewayUsersMeOptions,
  log: Log,
): Promise<BenchRow> {
  const { result, cpu } = await cpuPerRequest(() =>
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

/** One client, one connection per path, requests alternating so both see the same machine. */
async function addedLatency(
  gatewayUrl: string,
  token: string,
  { seconds, userServiceUrl, requests = Infinity }: GatewayUsersMeOptions,
  log: Log,
): Promise<BenchRow[]> {
  const bases = [userServiceUrl, gatewayUrl];
  const agents = bases.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const samples: number[][] = [[], []];
  const started = Date.now();
  const until = started + seconds * 1000;
  try {
    while (Date.now() < until && samples[0].length < requests) {
      for (let i = 0; i < bases.length; i += 1) {
        samples[i].push(await timedGet(bases[i], agents[i], token));
      }
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  const elapsed = (Date.now() - started) / 1000;
  for (const values of samples) values.sort((a, b) => a - b);
  const [straight, through] = samples;
  const added = percentile(through, 50) - percentile(straight, 50);
  const line = (path: string, values: number[]) =>
    `${path.padEnd(34)} p50 ${percentile(values, 50).toFixed(2)} ms   ` +
    `p99 ${percentile(values, 99).toFixed(2)} ms   (${values.length} requests)`;
  log(`1 connection, ${seconds} s, requests alternating (load ${load()})`);
  log(line(STRAIGHT, straight));
  log(line(THROUGH, through));
  log(`the gateway adds p50 ${added.toFixed(2)} ms`);
  const row = (path: string, values: number[]): BenchRow => ({
    path: `${path}, 1 connection`,
    load: `1 connection each, alternating, ${seconds} s`,
    ...latencyFigures(values),
    throughput: values.length / elapsed,
    unit: 'req/s',
    errors: 0,
  });
  return [
    row(STRAIGHT, straight),
    {
      ...row(THROUGH, through),
      baseline: { path: `${STRAIGHT}, 1 connection`, of: 'p50' },
      note: `adds ${added.toFixed(2)} ms at p50`,
    },
  ];
}

export async function gatewayUsersMe(
  options: GatewayUsersMeOptions,
  { gatewayUrl, log }: BenchContext,
): Promise<BenchRow[]> {
  const token = await accessToken(gatewayUrl);
  log(`GET ${PATH}, ${options.connections} connections, ${options.seconds} s each`);
  // Warm both paths (JWKS fetch, connection pools, JIT) before measuring.
  for (const url of [gatewayUrl, options.userServiceUrl]) {
    await autocannon({
      url: `${url}${PATH}`,
      headers: { authorization: `Bearer ${token}` },
      connections: 4,
      duration: Math.min(3, options.seconds),
      ...(options.requests === undefined ? {} : { amount: options.requests }),
    });
  }
  const straight = await throughput(STRAIGHT, options.userServiceUrl, token, options, log);
  const through = await throughput(THROUGH, gatewayUrl, token, options, log);
  log(
    `gateway / straight: ${(((through.throughput ?? 0) / (straight.throughput ?? 1)) * 100).toFixed(0)} %`,
  );
  return [
    straight,
    { ...through, baseline: { path: STRAIGHT, of: 'throughput' } },
    ...(await addedLatency(gatewayUrl, token, options, log)),
  ];
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
