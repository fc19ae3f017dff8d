// Time from a suspension's 200 to the last process refusing the person's token: the gateway and
// each service on its own port (they learn of it from `user.status_changed`, each on its own).
// Needs the suite running with the bench admin among ADMIN_EMAILS, e.g.
//   ADMIN_EMAILS=admin@bench.rendezvous.test npm start
// Usage: npm run bench:suspension -- [suspensions=120] [concurrency=4]
import { randomUUID } from 'node:crypto';
import { percentile } from './support/percentile';
import { post, signUp } from './support/sign-up';

const SUSPENSIONS = Number(process.argv[2] ?? 120);
const CONCURRENCY = Number(process.argv[3] ?? 4);
const ADMIN_EMAIL = process.env['BENCH_ADMIN_EMAIL'] ?? 'admin@bench.rendezvous.test';
const POLL_MS = 10;

/** The gateway and one cheap authenticated route per service, each on its own port. */
const CHECKS = [
  { name: 'gateway', url: 'http://127.0.0.1:3000/api/v1/notifications', method: 'GET' },
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

async function refusedAt(check: (typeof CHECKS)[number], token: string, since: number) {
  for (;;) {
    const response = await fetch(check.url, {
      method: check.method,
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    if (response.status === 401) return Date.now() - since;
    if (Date.now() - since > 30_000) throw new Error(`${check.name} still accepts after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function oneSuspension(adminToken: string) {
  const person = await signUp(`bench-${randomUUID()}@bench.rendezvous.test`, `pw-${randomUUID()}`);
  const answer = await post<{ status: string }>(
    `http://127.0.0.1:3000/api/v1/admin/users/${person.user.id}/suspend`,
    { durationHours: 1, note: 'benchmark suspension' },
    adminToken,
  );
  const since = Date.now();
  if (answer.status !== 200) throw new Error(`suspend answered ${answer.status}`);
  const times = await Promise.all(
    CHECKS.map((check) => refusedAt(check, person.accessToken, since)),
  );
  return times;
}

async function main() {
  const admin = await signUp(ADMIN_EMAIL, 'bench-admin-password');
  const perCheck: number[][] = CHECKS.map(() => []);
  const last: number[] = [];
  let started = 0;
  const worker = async () => {
    while (started < SUSPENSIONS) {
      started += 1;
      const times = await oneSuspension(admin.accessToken);
      times.forEach((ms, i) => perCheck[i].push(ms));
      last.push(Math.max(...times));
    }
  };
  console.log(`${SUSPENSIONS} suspensions, ${CONCURRENCY} at a time, polling every ${POLL_MS} ms`);
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const line = (label: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(
      `${label.padEnd(28)} p50 ${String(percentile(sorted, 50)).padStart(5)} ms   ` +
        `p99 ${String(percentile(sorted, 99)).padStart(5)} ms   max ${sorted.at(-1)} ms`,
    );
  };
  CHECKS.forEach((check, i) => line(`  ${check.name}`, perCheck[i]));
  line('last process to refuse', last);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
