// Time from a suspension's 200 to the last process refusing the person's token: the gateway and
// each service on its own port (they learn of it from `user.status_changed`, each on its own).
// Needs the suite running with the bench admin among ADMIN_EMAILS, e.g.
//   ADMIN_EMAILS=admin@bench.rendezvous.test npm start
// Usage: npm run bench:suspension -- [suspensions=120] [concurrency=4]
import { randomUUID } from 'node:crypto';
import type { BenchRow } from './support/bench-row';
import { latencyFigures } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { numberArg, runFromCli } from './support/cli';
import { percentile } from './support/percentile';
import { post, signUp } from './support/sign-up';

export interface SuspensionLatencyOptions {
  suspensions: number;
  concurrency: number;
}

const POLL_MS = 10;

/** The gateway and one cheap authenticated route per service, each on its own port. */
const CHECKS = [
  { name: 'gateway', url: '/api/v1/notifications', method: 'GET' },
  { name: 'user', url: 'http://127.0.0.1:3001/api/v1/users/me/timeslots', method: 'GET' },
  { name: 'event', url: 'http://127.0.0.1:3002/api/v1/events?limit=1', method: 'GET' },
  { name: 'matching', url: 'http://127.0.0.1:3003/api/v1/matching/matches', method: 'GET' },
  {
    name: 'proximity',
    url: 'http://127.0.0.1:3004/api/v1/proximity/sessions/me',
    method: 'DELETE',
  },
  { name: 'reco', url: 'http://127.0.0.1:3005/api/v1/venues?limit=1', method: 'GET' },
  { name: 'booking-agent', url: 'http://127.0.0.1:3006/api/v1/plans', method: 'GET' },
] as const;

type Check = (typeof CHECKS)[number];

/** The gateway's check goes to the suite's gateway; the services' to their own ports. */
const urlOf = (check: Check, gatewayUrl: string) =>
  check.url.startsWith('/') ? `${gatewayUrl}${check.url}` : check.url;

async function refusedAt(url: string, check: Check, token: string, since: number) {
  for (;;) {
    const response = await fetch(url, {
      method: check.method,
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    if (response.status === 401) return Date.now() - since;
    if (Date.now() - since > 30_000) throw new Error(`${check.name} still accepts after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function oneSuspension(gatewayUrl: string, adminToken: string) {
  const person = await signUp(`bench-${randomUUID()}@bench.rendezvous.test`, `pw-${randomUUID()}`);
  const answer = await post<{ status: string }>(
    `${gatewayUrl}/api/v1/admin/users/${person.user.id}/suspend`,
    { durationHours: 1, note: 'benchmark suspension' },
    adminToken,
  );
  const since = Date.now();
  if (answer.status !== 200) throw new Error(`suspend answered ${answer.status}`);
  const times = await Promise.all(
    CHECKS.map((check) => refusedAt(urlOf(check, gatewayUrl), check, person.accessToken, since)),
  );
  return times;
}

export async function suspensionLatency(
  { suspensions, concurrency }: SuspensionLatencyOptions,
  { gatewayUrl, admin, log }: BenchContext,
): Promise<BenchRow[]> {
  const signedIn = await signUp(admin.email, admin.password);
  const perCheck: number[][] = CHECKS.map(() => []);
  const last: number[] = [];
  let started = 0;
  const worker = async () => {
    while (started < suspensions) {
      started += 1;
      const times = await oneSuspension(gatewayUrl, signedIn.accessToken);
      times.forEach((ms, i) => perCheck[i].push(ms));
      last.push(Math.max(...times));
    }
  };
  log(`${suspensions} suspensions, ${concurrency} at a time, polling every ${POLL_MS} ms`);
  await Promise.all(Array.from({ length: concurrency }, worker));
  const line = (label: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    log(
      `${label.padEnd(28)} p50 ${String(percentile(sorted, 50)).padStart(5)} ms   ` +
        `p99 ${String(percentile(sorted, 99)).padStart(5)} ms   max ${sorted.at(-1)} ms`,
    );
    return sorted;
  };
  const sortedPerCheck = CHECKS.map((check, i) => line(`  ${check.name}`, perCheck[i]));
  const lastSorted = line('last process to refuse', last);
  const load = `${suspensions} suspensions, ${concurrency} at a time, ${POLL_MS} ms polls`;
  const row = (path: string, sorted: number[]): BenchRow => ({
    path,
    load,
    ...latencyFigures(sorted),
    throughput: null,
    unit: 'suspensions/s',
    errors: 0,
  });
  return [
    row('suspension 200 -> gateway refuses the token', sortedPerCheck[0]),
    row('suspension 200 -> last process refuses it', lastSorted),
  ];
}

if (require.main === module) {
  runFromCli((context) =>
    suspensionLatency({ suspensions: numberArg(0, 120), concurrency: numberArg(1, 4) }, context),
  );
}
