// Authenticated GET /api/v1/users/me through the gateway versus straight to the user service.
// Needs the suite running (`npm start`) with a general rate limit above the load, e.g.
//   RATE_LIMIT_PER_MINUTE=10000000 npm start
// Usage: npm run bench:gateway -- [seconds=20] [connections=20] [gateway url] [user service url]
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const SECONDS = Number(process.argv[2] ?? 20);
const CONNECTIONS = Number(process.argv[3] ?? 20);
const GATEWAY = process.argv[4] ?? 'http://127.0.0.1:3000';
const USER_SERVICE = process.argv[5] ?? 'http://127.0.0.1:3001';

async function accessToken(): Promise<string> {
  const response = await fetch(`${GATEWAY}/api/v1/auth/signup`, {
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

async function run(label: string, url: string, token: string) {
  const result = await autocannon({
    url: `${url}/api/v1/users/me`,
    headers: { authorization: `Bearer ${token}` },
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const failures = result.non2xx + result.errors + result.timeouts;
  console.log(
    `${label.padEnd(22)} ${result.requests.average.toFixed(0).padStart(6)} req/s   ` +
      `p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   ` +
      `(${result.requests.total} requests, ${failures} not 2xx/errors)`,
  );
  if (failures > 0)
    console.log('  some requests failed: raise RATE_LIMIT_PER_MINUTE for the suite');
}

async function main() {
  const token = await accessToken();
  console.log(`GET /api/v1/users/me, ${CONNECTIONS} connections, ${SECONDS} s each`);
  // Warm both paths (JWKS fetch, connection pools, JIT) before measuring.
  await autocannon({
    url: `${GATEWAY}/api/v1/users/me`,
    headers: { authorization: `Bearer ${token}` },
    connections: 4,
    duration: 3,
  });
  await run('straight to user', USER_SERVICE, token);
  await run('through the gateway', GATEWAY, token);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
