// Pushes at rate (issue 21): `match.created` reaching every device of both people of a mutual
// like while many Socket.IO connections (default 10,000: people with a few devices each) are
// open on one gateway. The sockets live in worker threads of this process.
//  (a) one match at a time: both people have 10 devices; latency from the second like's 201 to
//      each of the 20 devices' receipt;
//  (b) mutual likes offered at a rate (pairs/s, each pair two likes) for some seconds: both
//      people have 20 devices; swipe latency, latency to each of the 40 devices, pairs/s
//      achieved, and every expected receipt counted (none may be lost).
// For each phase: CPU and memory of the gateway, the other apps, Postgres, Redis, Kafka and this
// process (/proc), and where the time goes, per match: the swipe up to the event being written
// (its occurredAt), the outbox relay (Kafka's timestamp), the gateway's consumer and history
// write (the Socket.IO adapter's stream entry, written just before the emit) and the emit to the
// device's receipt.
// Needs the suite running with limits lifted and tracing off:
//   RATE_LIMIT_PER_MINUTE=10000000 RATE_LIMIT_AUTH_PER_MINUTE=100000 TRACING_EXPORTER=none npm start
// Usage: npm run bench:push -- [sockets=10000] [matches one at a time=100] [pairs/s=100]
//                               [seconds=20] [client threads=2]
import { randomUUID } from 'node:crypto';
import { TOPICS } from '@rendezvous/contracts';
import { testInfra, testRedis, waitFor } from '@rendezvous/testing';
import { Client } from 'pg';
import type { BenchRow, Log } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { numberArg, runFromCli } from './support/cli';
import { percentile } from './support/percentile';
import type { PhaseUsage } from './support/process-usage';
import { formatUsage, suiteProcesses, watchProcesses } from './support/process-usage';
import type { KafkaStamp } from './support/push-stages';
import { readEmitStamps, watchMatchesOnKafka } from './support/push-stages';
import { signUp } from './support/sign-up';
import type { Device, Receipt } from './support/socket-fleet';
import { SocketFleet } from './support/socket-fleet';
import { suiteTokenMinter } from './support/suite-tokens';

export interface PushOptions {
  sockets: number;
  oneAtATime: number;
  pairsPerSecond: number;
  seconds: number;
  clientThreads: number;
}

/** A full run (issue 21's figures) and a smoke run of seconds. */
export const PUSH_SIZES: { full: PushOptions; smoke: PushOptions } = {
  full: { sockets: 10_000, oneAtATime: 100, pairsPerSecond: 100, seconds: 20, clientThreads: 2 },
  smoke: { sockets: 200, oneAtATime: 3, pairsPerSecond: 5, seconds: 2, clientThreads: 1 },
};

/** An error with its cause (fetch's own message, "fetch failed", says nothing of why). */
function failureText(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause ? `${String(error)} (${cause.code ?? String(cause)})` : String(error);
}

const DEVICES_ONE_AT_A_TIME = 10;
const DEVICES_AT_RATE = 20;
const DEVICES_IDLE = 4;
const RECEIPT_TIMEOUT_MS = 30_000;
const PASSWORD = 'bench push password 21';

const now = () => performance.timeOrigin + performance.now();

interface Person {
  id: string;
  token: string;
}

interface Spread {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function spread(values: number[]): Spread {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

const formatSpread = (label: string, s: Spread) =>
  `${label.padEnd(44)} p50 ${s.p50.toFixed(1).padStart(7)} ms  p95 ${s.p95.toFixed(1).padStart(7)} ms  ` +
  `p99 ${s.p99.toFixed(1).padStart(7)} ms  max ${s.max.toFixed(1).padStart(7)} ms  (${s.count})`;

/** Every pair of `people`, shuffled, so that no one's swipes come in a burst. */
function pairsOf(people: Person[]): [Person, Person][] {
  const pairs: [Person, Person][] = [];
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) pairs.push([people[i], people[j]]);
  }
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  return pairs;
}

/** The fewest people whose pairs number at least `pairs`. */
const peopleFor = (pairs: number) => Math.ceil((1 + Math.sqrt(1 + 8 * pairs)) / 2);

async function signUpPeople(count: number, runId: string): Promise<Person[]> {
  const people: Person[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        const signedIn = await signUp(`push-${runId}-${i}@bench.rendezvous.test`, PASSWORD);
        people.push({ id: signedIn.user.id, token: signedIn.accessToken });
      }
    }),
  );
  return people;
}

/** Waits until the matching service has learnt of everyone (its projection of people). */
async function waitForMatchingToKnow(people: Person[]): Promise<void> {
  const client = new Client({ ...testInfra.postgres, database: 'rendezvous_matching' });
  await client.connect();
  try {
    const ids = people.map((p) => p.id);
    await waitFor(
      async () => {
        const { rows } = await client.query<{ known: number }>(
          'SELECT count(*)::int AS known FROM profiles WHERE user_id::text = ANY($1::text[]) AND deleted_at IS NULL',
          [ids],
        );
        return rows[0].known === ids.length;
      },
      { timeoutMs: 60_000, intervalMs: 200, message: 'the matching service to know every person' },
    );
  } finally {
    await client.end();
  }
}

interface SwipeAnswer {
  status: number;
  matchId?: string;
  sentAt: number;
  answeredAt: number;
}

async function like(gateway: string, from: Person, to: Person): Promise<SwipeAnswer> {
  const sentAt = now();
  const response = await fetch(`${gateway}/api/v1/matching/swipes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${from.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ targetUserId: to.id, action: 'like' }),
  });
  const body = (await response.json()) as { matched?: boolean; match?: { id: string } };
  const answeredAt = now();
  if (response.status !== 201) {
    throw new Error(`swipe: ${response.status} ${JSON.stringify(body)}`);
  }
  return { status: response.status, matchId: body.match?.id, sentAt, answeredAt };
}

/** A mutual like made: the second like's timing and who should hear of it. */
interface Made {
  matchId: string;
  people: [Person, Person];
  sentAt: number;
  answeredAt: number;
}

/** Both likes of a pair, one after the other; the second makes the match. */
async function mutualLike(
  gateway: string,
  [a, b]: [Person, Person],
  swipeLatencies: number[],
): Promise<Made> {
  const first = await like(gateway, a, b);
  swipeLatencies.push(first.answeredAt - first.sentAt);
  const second = await like(gateway, b, a);
  swipeLatencies.push(second.answeredAt - second.sentAt);
  if (!second.matchId) throw new Error('the second like of a pair made no match');
  return {
    matchId: second.matchId,
    people: [a, b],
    sentAt: second.sentAt,
    answeredAt: second.answeredAt,
  };
}

/** Receipts by match id, first receipt per device; waiters for a match's count. */
class Receipts {
  private readonly byMatch = new Map<string, Map<string, Receipt>>();
  private readonly waiters = new Map<string, { count: number; resolve: () => void }>();
  duplicates = 0;

  add(receipt: Receipt): void {
    if (receipt.event !== TOPICS.MATCH_CREATED || !receipt.matchId) return;
    const devices = this.byMatch.get(receipt.matchId) ?? new Map<string, Receipt>();
    this.byMatch.set(receipt.matchId, devices);
    if (devices.has(receipt.deviceId)) {
      this.duplicates += 1;
      return;
    }
    devices.set(receipt.deviceId, receipt);
    const waiter = this.waiters.get(receipt.matchId);
    if (waiter && devices.size >= waiter.count) {
      this.waiters.delete(receipt.matchId);
      waiter.resolve();
    }
  }

  of(matchId: string): Receipt[] {
    return [...(this.byMatch.get(matchId)?.values() ?? [])];
  }

  /** Resolves once `count` devices have the match, or after the timeout (the rest are lost). */
  wait(matchId: string, count: number, timeoutMs: number): Promise<void> {
    if ((this.byMatch.get(matchId)?.size ?? 0) >= count) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(matchId);
        resolve();
      }, timeoutMs);
      this.waiters.set(matchId, {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}

interface Stages {
  push: number[];
  toEvent: number[];
  relay: number[];
  kafkaRead: number[];
  gateway: number[];
  emitToDevice: number[];
}

/** Splits each match's path by the clocks each stage leaves behind (all on this machine). */
function stagesOf(
  made: Made[],
  receipts: Receipts,
  kafka: Map<string, KafkaStamp>,
  emits: Map<string, number>,
): Stages {
  const stages: Stages = {
    push: [],
    toEvent: [],
    relay: [],
    kafkaRead: [],
    gateway: [],
    emitToDevice: [],
  };
  for (const match of made) {
    const got = receipts.of(match.matchId);
    for (const receipt of got) {
      stages.push.push(receipt.at - match.answeredAt);
      const emitted = emits.get(`${match.matchId}|${receipt.personId}`);
      if (emitted !== undefined) stages.emitToDevice.push(receipt.at - emitted);
    }
    const occurredAt = got[0] ? Date.parse(got[0].occurredAt) : NaN;
    stages.toEvent.push(occurredAt - match.sentAt);
    const stamp = kafka.get(match.matchId);
    if (stamp) {
      stages.relay.push(stamp.producedAt - occurredAt);
      stages.kafkaRead.push(stamp.readAt - stamp.producedAt);
      for (const person of match.people) {
        const emitted = emits.get(`${match.matchId}|${person.id}`);
        if (emitted !== undefined) stages.gateway.push(emitted - stamp.producedAt);
      }
    }
  }
  return stages;
}

function printStages(stages: Stages, log: Log): void {
  log(formatSpread('  second like 201 -> device receipt', spread(stages.push)));
  log('  where the time goes (per match; clocks in ms):');
  log(formatSpread('    like sent -> event written (occurredAt)', spread(stages.toEvent)));
  log(formatSpread('    event written -> Kafka (outbox relay)', spread(stages.relay)));
  log(formatSpread('    Kafka -> read by a consumer', spread(stages.kafkaRead)));
  log(formatSpread('    Kafka -> gateway emits (consume, history)', spread(stages.gateway)));
  log(formatSpread('    gateway emits -> device receipt', spread(stages.emitToDevice)));
}

/** The gateway's memory and CPU and the busiest other processes, for a row's note. */
function usageNote(usage: PhaseUsage): string {
  const gateway = usage.processes.find((p) => p.name === 'gateway');
  const others = usage.processes
    .filter((p) => p.name !== 'gateway')
    .sort((a, b) => b.cpuPercent - a.cpuPercent)
    .slice(0, 4)
    .map((p) => `${p.name} ${p.cpuPercent.toFixed(0)}%`);
  return (
    `gateway RSS ${gateway?.rssMiB.toFixed(0)} MiB (peak ${gateway?.peakRssMiB.toFixed(0)}), ` +
    `CPU ${gateway?.cpuPercent.toFixed(0)}%; ${others.join(', ')}; load ${usage.loadAverage.toFixed(2)}`
  );
}

const receivedBy = (made: Made[], receipts: Receipts) =>
  made.reduce((sum, m) => sum + receipts.of(m.matchId).length, 0);

export async function pushAtRate(
  options: PushOptions,
  { gatewayUrl, log }: BenchContext,
): Promise<BenchRow[]> {
  const runId = randomUUID().slice(0, 8);
  const atRatePairs = Math.ceil(options.pairsPerSecond * options.seconds);
  const oneGroup = await signUpPeople(peopleFor(options.oneAtATime), `${runId}-a`);
  const rateGroup = await signUpPeople(peopleFor(atRatePairs), `${runId}-b`);
  await waitForMatchingToKnow([...oneGroup, ...rateGroup]);

  const devices: Device[] = [];
  const addDevices = (person: Person, count: number) => {
    for (let d = 0; d < count; d++) {
      devices.push({ personId: person.id, deviceId: `${person.id}/${d}`, token: person.token });
    }
  };
  for (const person of oneGroup) addDevices(person, DEVICES_ONE_AT_A_TIME);
  for (const person of rateGroup) addDevices(person, DEVICES_AT_RATE);
  const mint = await suiteTokenMinter();
  while (devices.length < options.sockets) {
    const id = randomUUID();
    addDevices(
      { id, token: await mint(id) },
      Math.min(DEVICES_IDLE, options.sockets - devices.length),
    );
  }

  const processes = suiteProcesses();
  const redis = testRedis();
  const kafka = await watchMatchesOnKafka();
  const watch = watchProcesses(processes);
  const connectStarted = now();
  const fleet = await SocketFleet.connect({
    gateway: gatewayUrl,
    devices,
    events: [TOPICS.MATCH_CREATED],
    threads: options.clientThreads,
  });
  const receipts = new Receipts();
  fleet.onReceipt((receipt) => receipts.add(receipt));

  async function oneAtATime(people: Person[]): Promise<BenchRow[]> {
    const swipes: number[] = [];
    const made: Made[] = [];
    const started = now();
    const watching = watchProcesses(processes);
    for (const pair of pairsOf(people).slice(0, options.oneAtATime)) {
      const match = await mutualLike(gatewayUrl, pair, swipes);
      made.push(match);
      await receipts.wait(match.matchId, 2 * DEVICES_ONE_AT_A_TIME, RECEIPT_TIMEOUT_MS);
    }
    const usage = watching.stop();
    const seconds = (now() - started) / 1000;
    const emits = await readEmitStamps(redis, started - 1000);
    const stages = stagesOf(made, receipts, kafka.stamps, emits);
    const expected = made.length * 2 * DEVICES_ONE_AT_A_TIME;
    const lost = expected - receivedBy(made, receipts);
    log(
      `\n(a) one match at a time: ${made.length} matches, ${2 * DEVICES_ONE_AT_A_TIME} devices each, ` +
        `${(made.length / seconds).toFixed(1)} matches/s; ${lost} of ${expected} receipts missing`,
    );
    log(formatSpread('  POST /matching/swipes', spread(swipes)));
    printStages(stages, log);
    log(`  ${formatUsage(usage)}`);
    const push = spread(stages.push);
    return [
      {
        path: `match.created to ${2 * DEVICES_ONE_AT_A_TIME} devices, one match at a time, ${fleet.connected} sockets`,
        load: '1 pair at a time',
        p50: push.p50,
        p95: push.p95,
        p99: push.p99,
        throughput: made.length / seconds,
        unit: 'matches/s',
        errors: lost,
        note: usageNote(usage),
      },
    ];
  }

  async function offeredAtRate(people: Person[]): Promise<BenchRow[]> {
    const swipes: number[] = [];
    const made: Made[] = [];
    const failures: unknown[] = [];
    const tasks: Promise<void>[] = [];
    const pairs = pairsOf(people).slice(0, atRatePairs);
    const started = now();
    const watching = watchProcesses(processes);
    const intervalMs = 1000 / options.pairsPerSecond;
    for (let i = 0; i < pairs.length; i++) {
      const wait = started + i * intervalMs - now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      tasks.push(
        mutualLike(gatewayUrl, pairs[i], swipes).then(
          (match) => void made.push(match),
          (error: unknown) => void failures.push(error),
        ),
      );
    }
    const offeredFor = (now() - started) / 1000;
    await Promise.all(tasks);
    await Promise.all(
      made.map((m) => receipts.wait(m.matchId, 2 * DEVICES_AT_RATE, RECEIPT_TIMEOUT_MS)),
    );
    const deliveredFor = (now() - started) / 1000;
    const usage = watching.stop();
    const emits = await readEmitStamps(redis, started - 1000);
    const stages = stagesOf(made, receipts, kafka.stamps, emits);
    const expected = made.length * 2 * DEVICES_AT_RATE;
    const lost = expected - receivedBy(made, receipts);
    const answeredFor = (Math.max(...made.map((m) => m.answeredAt)) - started) / 1000;
    const achieved = made.length / answeredFor;
    const firstFailure = failures[0] ? `, the first: ${failureText(failures[0])}` : '';
    log(
      `\n(b) ${options.pairsPerSecond} pairs/s offered for ${offeredFor.toFixed(1)} s: ` +
        `${made.length} matches (${failures.length} pairs failed${firstFailure}), ` +
        `${achieved.toFixed(1)} pairs/s achieved (last 201 after ${answeredFor.toFixed(1)} s, ` +
        `every push after ${deliveredFor.toFixed(1)} s); ${lost} of ${expected} receipts ` +
        `missing, ${receipts.duplicates} repeats`,
    );
    const swipe = spread(swipes);
    log(formatSpread('  POST /matching/swipes', swipe));
    printStages(stages, log);
    log(`  ${formatUsage(usage)}`);
    const push = spread(stages.push);
    return [
      {
        path: `POST /matching/swipes, mutual likes at ${options.pairsPerSecond} pairs/s offered`,
        load: `${2 * options.pairsPerSecond} swipes/s offered for ${options.seconds} s`,
        p50: swipe.p50,
        p95: swipe.p95,
        p99: swipe.p99,
        throughput: swipes.length / answeredFor,
        unit: 'swipes/s',
        errors: failures.length,
      },
      {
        path: `match.created to ${2 * DEVICES_AT_RATE} devices at ${options.pairsPerSecond} pairs/s offered, ${fleet.connected} sockets`,
        load: `${options.pairsPerSecond} pairs/s offered for ${options.seconds} s`,
        p50: push.p50,
        p95: push.p95,
        p99: push.p99,
        throughput: achieved,
        unit: 'pairs/s',
        errors: lost + failures.length,
        note: usageNote(usage),
      },
    ];
  }

  try {
    const connected = watch.stop();
    log(
      `${fleet.connected} sockets connected in ${((now() - connectStarted) / 1000).toFixed(1)} s ` +
        `(${options.clientThreads} client threads):\n  ${formatUsage(connected)}`,
    );
    const oneByOne = await oneAtATime(oneGroup);
    const atRate = await offeredAtRate(rateGroup);
    return [...oneByOne, ...atRate];
  } finally {
    await fleet.close();
    await kafka.stop();
    redis.disconnect();
  }
}

if (require.main === module) {
  const full = PUSH_SIZES.full;
  runFromCli((context) =>
    pushAtRate(
      {
        sockets: numberArg(0, full.sockets),
        oneAtATime: numberArg(1, full.oneAtATime),
        pairsPerSecond: numberArg(2, full.pairsPerSecond),
        seconds: numberArg(3, full.seconds),
        clientThreads: numberArg(4, full.clientThreads),
      },
      context,
    ),
  );
}
