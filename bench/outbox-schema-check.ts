// What checking each event against its published schema costs a producer: the outbox's
// `publishableJson` (serialise, parse, validate) beside the plain `JSON.stringify` it replaced,
// measured side by side on the same envelopes, in batches, so the figures share the machine's mood.
// Usage: npm run bench:outbox-schema -- [events per type=20000] [batch=100]
import { randomUUID } from 'node:crypto';
import type { Envelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { buildEnvelope, publishableJson } from '@rendezvous/platform';
import { aUserState } from '@rendezvous/testing';
import type { BenchRow } from './support/bench-row';
import { latencyFigures } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { numberArg, runFromCli } from './support/cli';
import { percentile } from './support/percentile';

export interface OutboxSchemaCheckOptions {
  /** Envelopes made of each type. */
  events: number;
  /** Envelopes timed together; the figures are per envelope of a batch. */
  batch: number;
}

const samples: Record<string, () => Envelope> = {
  [TOPICS.USER_UPDATED]: () =>
    buildEnvelope('user', {
      type: TOPICS.USER_UPDATED,
      aggregateId: randomUUID(),
      aggregateVersion: 3,
      data: aUserState({
        profile: {
          bio: 'Backend engineer who likes climbing and long walks. '.repeat(8),
          headline: 'Staff engineer',
          interests: ['ai', 'climbing', 'jazz', 'chess', 'hiking', 'coffee'],
          skills: ['typescript', 'postgres', 'kafka', 'go', 'rust'],
          languages: ['en', 'fr'],
          location: { lat: 48.8566, lng: 2.3522, city: 'Paris' },
        },
      }),
    }),
  [TOPICS.TIMESLOT_CREATED]: () =>
    buildEnvelope('user', {
      type: TOPICS.TIMESLOT_CREATED,
      aggregateId: randomUUID(),
      aggregateVersion: 1,
      data: {
        timeslotId: randomUUID(),
        userId: randomUUID(),
        startsAt: '2030-01-01T10:00:00.000Z',
        endsAt: '2030-01-01T11:00:00.000Z',
        status: 'free',
      },
    }),
};

/** Microseconds per event of each batch. */
function measure(
  envelopes: Envelope[],
  size: number,
  serialise: (envelope: Envelope) => string,
): number[] {
  const perEvent: number[] = [];
  for (let start = 0; start < envelopes.length; start += size) {
    const batch = envelopes.slice(start, start + size);
    const began = process.hrtime.bigint();
    for (const envelope of batch) serialise(envelope);
    perEvent.push(Number(process.hrtime.bigint() - began) / 1000 / batch.length);
  }
  return perEvent.sort((a, b) => a - b);
}

const figures = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(2)} µs, p99 ${percentile(values, 99).toFixed(2)} µs`;

const stringify = (envelope: Envelope) => JSON.stringify(envelope);

export async function outboxSchemaCheck(
  { events, batch }: OutboxSchemaCheckOptions,
  { log }: BenchContext,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const load = `${events} envelopes per type, batches of ${batch}, 5 rounds`;
  for (const [type, make] of Object.entries(samples)) {
    const envelopes = Array.from({ length: events }, make);
    // Warm both paths (JIT, ajv's compiled validators) before measuring either.
    measure(envelopes.slice(0, 2000), batch, stringify);
    measure(envelopes.slice(0, 2000), batch, publishableJson);
    const plain: number[] = [];
    const checked: number[] = [];
    for (let round = 0; round < 5; round++) {
      plain.push(...measure(envelopes, batch, stringify));
      checked.push(...measure(envelopes, batch, publishableJson));
    }
    plain.sort((a, b) => a - b);
    checked.sort((a, b) => a - b);
    const bytes = JSON.stringify(envelopes[0]).length;
    const extra = percentile(checked, 50) - percentile(plain, 50);
    log(
      `${type} (${bytes} B): JSON.stringify ${figures(plain)} | checked ${figures(checked)} | ` +
        `schema check adds ${extra.toFixed(2)} µs per event (p50), ` +
        `×${(percentile(checked, 50) / percentile(plain, 50)).toFixed(1)}`,
    );
    // Rows in milliseconds, like every other figure; events/s of one core.
    const row = (path: string, perEvent: number[]): BenchRow => {
      const ms = perEvent.map((us) => us / 1000);
      return {
        path,
        load,
        ...latencyFigures(ms),
        throughput: 1_000_000 / percentile(perEvent, 50),
        unit: 'events/s',
        errors: 0,
      };
    };
    const baseline = row(`${type} (${bytes} B) JSON.stringify`, plain);
    rows.push(baseline, {
      ...row(`${type} (${bytes} B) checked and serialised`, checked),
      baseline: { path: baseline.path, of: 'p50' },
    });
  }
  return rows;
}

if (require.main === module) {
  runFromCli((context) =>
    outboxSchemaCheck({ events: numberArg(0, 20_000), batch: numberArg(1, 100) }, context),
  );
}
