import { testKafka, waitFor } from '@rendezvous/testing';
import { DLQ_SUFFIX } from '@rendezvous/contracts';
import { signInAdmin } from '../../support/api-client';
import { ClientErrors } from './fault-client';
import { FaultPerson } from './fault-person';
import type { Fault } from './faults';
import { ReadinessWatch } from './readiness-watch';
import type { Accepted, Outcome, Pools, WorkloadSize } from './workload';
import { coffeePlan, mutualLike, queuePair, queueWait } from './workload';

export type Mode = 'mid-flow' | 'burst';

export interface ScenarioResult {
  fault: string;
  mode: Mode;
  accepted: number;
  counts: Record<Outcome, number>;
  clientErrors: string;
  /** From the fault until every app is ready and a new mutual like reaches both people. */
  recoveryMs: number;
  dlqGrowth: number;
  /** Readiness answers slower than 500 ms (or none in 5 s) while the scenario ran. */
  slowReadiness: { app: string; ms: number }[];
}

const FAULT_AT_MS = 5_000;

/** The people, venue and counters every scenario of one run draws from. */
export class FaultRun {
  readonly results: ScenarioResult[] = [];
  private constructor(
    readonly pools: Pools,
    readonly errors: ClientErrors,
  ) {}

  static async prepare(people: number): Promise<FaultRun> {
    const errors = new ClientErrors();
    const admin = await signInAdmin();
    const venue = await admin.api.POST('/api/v1/venues', {
      body: {
        name: 'Fault Café',
        category: 'cafe',
        lat: 48.85,
        lng: 2.35,
        priceLevel: 2,
        capacity: 10_000,
      },
    });
    if (!venue.data) throw new Error(`creating the venue answered ${venue.response.status}`);
    const pool: FaultPerson[] = [];
    for (let i = 0; i < people; i += 1) pool.push(await FaultPerson.signUp(errors, `Fault${i}`));
    await Promise.all(pool.map((person) => person.connect()));
    const run = new FaultRun(
      { people: pool, venueId: venue.data.id, nextPlanHour: { value: 24 }, usedPairs: new Set() },
      errors,
    );
    await run.untilEveryoneIsKnown();
    return run;
  }

  close(): void {
    for (const person of this.pools.people) person.close();
  }

  /** Matching and the booking agent learn of people from events: wait for the last one. */
  private async untilEveryoneIsKnown(): Promise<void> {
    const { people } = this.pools;
    const [first, last] = [people[0], people[people.length - 1]];
    this.pools.usedPairs.add([first.id, last.id].sort().join(':'));
    await waitFor(
      async () =>
        (
          await last.client.call('POST', '/matching/swipes', {
            targetUserId: first.id,
            action: 'pass',
          })
        ).status === 201,
      { timeoutMs: 30_000, message: 'matching to know everyone' },
    );
  }

  async scenario(fault: Fault, mode: Mode, size: WorkloadSize): Promise<ScenarioResult> {
    this.errors.byKind.clear();
    const dlqBefore = await dlqMessages();
    const watch = new ReadinessWatch();
    watch.start();
    const started = Date.now();
    const operations: (() => Promise<Accepted | null>)[] = shuffle([
      ...Array.from({ length: size.mutualLikes }, () => () => mutualLike(this.pools)),
      ...Array.from({ length: size.coffeePlans }, () => () => coffeePlan(this.pools)),
      ...Array.from({ length: size.queuePairs }, () => () => queuePair(this.pools)),
    ]);
    // Waiting tickets are taken before the fault, so that it finds them waiting.
    const waits = await Promise.all(
      Array.from({ length: size.queueWaits }, () => queueWait(this.pools)),
    );
    const offered = operations.map((operation, i) => {
      const at = mode === 'burst' ? FAULT_AT_MS - 100 : (size.spreadMs * i) / operations.length;
      return delay(at).then(operation);
    });
    await delay(FAULT_AT_MS - (Date.now() - started));
    const injectedAt = Date.now();
    await fault.inject();
    const heal = fault.heal;
    const healed = heal ? delay(heal.afterMs).then(() => heal.run()) : undefined;
    const recovered = this.recovery(watch, injectedAt);
    const accepted = [...waits, ...(await Promise.all(offered))].filter(
      (a): a is Accepted => a !== null,
    );
    await healed;
    const recoveryMs = await recovered;

    const outcomes = await this.settle(accepted);
    await watch.stop();
    const counts: Record<Outcome, number> = { kept: 0, reported: 0, lost: 0, duplicated: 0 };
    for (const outcome of outcomes) counts[outcome] += 1;
    const result: ScenarioResult = {
      fault: fault.name,
      mode,
      accepted: accepted.length,
      counts,
      clientErrors: this.errors.summary(),
      recoveryMs,
      dlqGrowth: (await dlqMessages()) - dlqBefore,
      slowReadiness: watch.slow.map(({ app, ms }) => ({ app, ms })),
    };
    this.results.push(result);
    return result;
  }

  /** Polls until every accepted operation's effect is seen (or 60 s pass); the last verdicts count. */
  private async settle(accepted: Accepted[]): Promise<Outcome[]> {
    let outcomes: Outcome[] = [];
    await waitFor(
      async () => {
        await Promise.all(this.pools.people.map((person) => person.catchUp()));
        outcomes = await Promise.all(accepted.map((a) => a.verify()));
        return outcomes.every((o) => o === 'kept' || o === 'reported');
      },
      { timeoutMs: 60_000, intervalMs: 1_000, message: 'every accepted effect' },
    ).catch(() => undefined);
    return outcomes;
  }

  /** Mutual likes tried one after another from the fault on, until one is told to both in time. */
  private async recovery(watch: ReadinessWatch, injectedAt: number): Promise<number> {
    for (;;) {
      await delay(500);
      if (!watch.allReady()) continue;
      const like = await mutualLike(this.pools);
      if (!like) continue;
      try {
        await waitFor(async () => (await like.verify()) === 'kept', {
          timeoutMs: 3_000,
          intervalMs: 100,
        });
        return Date.now() - injectedAt;
      } catch {
        if (Date.now() - injectedAt > 180_000) return Number.NaN;
      }
    }
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Messages in every `<topic>.dlq`. */
async function dlqMessages(): Promise<number> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.endsWith(DLQ_SUFFIX));
    let total = 0;
    for (const topic of topics) {
      for (const partition of await admin.fetchTopicOffsets(topic)) {
        total += Number(partition.high) - Number(partition.low);
      }
    }
    return total;
  } finally {
    await admin.disconnect();
  }
}
