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
import { percentile } from './support/percentile';

const EVENTS = Number(process.argv[2] ?? 2000);
const CONCURRENCY = Number(process.argv[3] ?? 8);
const RATE = Number(process.argv[4] ?? 0);

async function main(): Promise<void> {
  const topic = uniqueName('bench.outbox');
  const kafka = testKafka();
  const database = await createTestDatabase('rendezvous_bench');
  const dataSource = new DataSource({
    type: 'postgres',
    ...testInfra.postgres,
    username: testInfra.postgres.user,
    database: database.name,
    migrations: [PlatformTables1764100000000],
    extra: { max: CONCURRENCY + 2 },
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
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < EVENTS) {
        next++;
        if (RATE > 0) {
          const due = began + (next / RATE) * 1000;
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
  await waitFor(() => latencies.length >= EVENTS, {
    timeoutMs: 120_000,
    message: 'every event handled',
  });
  const finished = performance.now();

  latencies.sort((a, b) => a - b);
  const seconds = (finished - began) / 1000;
  console.log(
    `events: ${EVENTS}, committers: ${CONCURRENCY}, pacing: ${RATE > 0 ? `${RATE}/s` : 'none'}`,
  );
  console.log(`commit rate: ${(EVENTS / ((committed - began) / 1000)).toFixed(0)} events/s`);
  console.log(`end-to-end throughput: ${(EVENTS / seconds).toFixed(0)} events/s`);
  console.log(
    `commit -> handler latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p95 ${percentile(latencies, 95).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, max ${latencies[latencies.length - 1].toFixed(1)}`,
  );

  await relay.stop();
  await transport.close();
  await dataSource.destroy();
  await database.drop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
