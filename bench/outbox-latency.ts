// Commit-to-handler latency and throughput of the platform's event path on real Postgres and
// Kafka: transaction + outbox row -> relay (NOTIFY) -> Kafka -> consumer transport -> inbox.
// Usage: npm run bench:outbox -- [events=2000] [concurrency=8] [rate events/s, 0 = unpaced]
import { randomUUID } from 'node:crypto';
import type { Envelope } from '@rendezvous/contracts';
import type { NewEvent } from '@rendezvous/platform';
import {
  InboxService,
  KafkaConsumerTransport,
  OutboxRelay,
  OutboxService,
  PlatformTables1764100000000,
  ensureTopics,
} from '@rendezvous/platform';
import {
  createTestDatabase,
  silentLogger,
  testInfra,
  testKafka,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import { DataSource } from 'typeorm';
import type { BenchRow } from './support/bench-row';
import { latencyFigures } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { numberArg, runFromCli } from './support/cli';
import { percentile } from './support/percentile';

export interface OutboxLatencyOptions {
  events: number;
  /** Transactions committing at once. */
  concurrency: number;
  /** Events per second offered; 0 commits as fast as it can. */
  rate: number;
}

export async function outboxLatency(
  { events, concurrency, rate }: OutboxLatencyOptions,
  { log }: BenchContext,
): Promise<BenchRow[]> {
  const topic = uniqueName('bench.outbox');
  const kafka = testKafka();
  const database = await createTestDatabase('rendezvous_bench');
  const dataSource = new DataSource({
    type: 'postgres',
    ...testInfra.postgres,
    username: testInfra.postgres.user,
    database: database.name,
    migrations: [PlatformTables1764100000000],
    extra: { max: concurrency + 2 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await ensureTopics(kafka, [topic], { partitions: 6, replicationFactor: 1 });

  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  const inbox = new InboxService(dataSource);
  const transport = new KafkaConsumerTransport({
    kafka,
    groupId: uniqueName('bench'),
    logger: silentLogger,
    retries: 3,
    retryBaseMs: 50,
    retryMaxMs: 500,
    partitionsConsumedConcurrently: 3,
  });
  transport.addHandler(
    topic,
    async (event: Envelope) => {
      await inbox.once(event, async () => undefined);
      const start = committedAt.get(event.id);
      if (start !== undefined) latencies.push(performance.now() - start);
    },
    true,
  );
  await new Promise<void>((resolve, reject) =>
    transport.listen((error?: unknown) => (error ? reject(error as Error) : resolve())),
  );
  const relay = new OutboxRelay({
    postgres: { ...testInfra.postgres, database: database.name },
    kafka,
    logger: silentLogger,
    sweepIntervalMs: 2_000,
  });
  relay.start();
  await waitFor(() => relay.leader, { message: 'the relay to lead' });

  const outbox = new OutboxService('user');
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < events) {
        next++;
        if (rate > 0) {
          const due = began + (next / rate) * 1000;
          if (due > performance.now())
            await new Promise((r) => setTimeout(r, due - performance.now()));
        }
        const aggregateId = randomUUID();
        // The bench's own topic, outside the catalog: its data is free and checked by nothing.
        const benchEvent = { type: topic, aggregateId, aggregateVersion: 1, data: { n: next } };
        const event = await dataSource.transaction((tx) =>
          outbox.add(tx, benchEvent as unknown as NewEvent),
        );
        committedAt.set(event.id, performance.now());
      }
    }),
  );
  const committed = performance.now();
  await waitFor(() => latencies.length >= events, {
    timeoutMs: 120_000,
    message: 'every event handled',
  });
  const finished = performance.now();

  latencies.sort((a, b) => a - b);
  const seconds = (finished - began) / 1000;
  const commitRate = events / ((committed - began) / 1000);
  const pacing = rate > 0 ? `${rate}/s` : 'none';
  log(`events: ${events}, committers: ${concurrency}, pacing: ${pacing}`);
  log(`commit rate: ${commitRate.toFixed(0)} events/s`);
  log(`end-to-end throughput: ${(events / seconds).toFixed(0)} events/s`);
  log(
    `commit -> handler latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p95 ${percentile(latencies, 95).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, max ${latencies[latencies.length - 1].toFixed(1)}`,
  );

  await relay.stop();
  await transport.close();
  await dataSource.destroy();
  await database.drop();
  return [
    {
      path: 'outbox commit -> relay -> Kafka -> inbox',
      load: `${events} events, ${concurrency} committers, pacing ${pacing}`,
      ...latencyFigures(latencies),
      throughput: events / seconds,
      unit: 'events/s',
      errors: 0,
      note: `commits ${commitRate.toFixed(0)} events/s`,
    },
  ];
}

if (require.main === module) {
  runFromCli((context) =>
    outboxLatency(
      { events: numberArg(0, 2000), concurrency: numberArg(1, 8), rate: numberArg(2, 0) },
      context,
    ),
  );
}
