import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Envelope } from '@rendezvous/contracts';
import {
  createTestDatabase,
  silentLogger,
  testInfra,
  testKafka,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import { platformDataSource } from './platform-data-source';
import type { DataSource } from 'typeorm';
import {
  InboxService,
  KafkaConsumerTransport,
  OutboxRelay,
  OutboxService,
  ensureTopics,
} from '../src';
import { aTestTopicEvent } from './test-topic-event';

const KAFKA_SCRIPT = join(__dirname, '../../../tools/kafka/kafka.sh');

function kafkaScript(command: 'start' | 'stop'): void {
  execFileSync('bash', [KAFKA_SCRIPT, command], { stdio: 'pipe', timeout: 120_000 });
}

describe('a Kafka broker restart mid-stream', () => {
  const topic = uniqueName('it.restart');
  const kafka = testKafka();
  let database: { name: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let relay: OutboxRelay;
  let transport: KafkaConsumerTransport;
  const outbox = new OutboxService('event');

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await platformDataSource(database.name);
    await dataSource.query(
      'CREATE TABLE applied (event_id uuid PRIMARY KEY, version int NOT NULL)',
    );
    await ensureTopics(kafka, [topic], { partitions: 3, replicationFactor: 1 });
    const inbox = new InboxService(dataSource);
    relay = new OutboxRelay({
      postgres: { ...testInfra.postgres, database: database.name },
      kafka,
      logger: silentLogger,
      sweepIntervalMs: 500,
      standbyRetryMs: 500,
    });
    transport = new KafkaConsumerTransport({
      kafka,
      groupId: uniqueName('it-restart'),
      logger: silentLogger,
      retries: 5,
      retryBaseMs: 50,
      retryMaxMs: 500,
      partitionsConsumedConcurrently: 3,
    });
    transport.addHandler(
      topic,
      (event: Envelope<{ version: number }>) =>
        inbox.once(event, (tx) =>
          tx.query('INSERT INTO applied (event_id, version) VALUES ($1, $2)', [
            event.id,
            event.data.version,
          ]),
        ),
      true,
    );
    await new Promise<void>((resolve, reject) =>
      transport.listen((error?: unknown) => (error ? reject(error as Error) : resolve())),
    );
    relay.start();
  });

  // The broker must come back even when the test failed halfway.
  afterAll(async () => {
    kafkaScript('start');
    await relay.stop();
    await transport.close();
    await dataSource.destroy();
    await database.drop();
  });

  it('loses no event: everything committed before, during and after is applied once', async () => {
    const ids: string[] = [];
    const commit = async (version: number) => {
      const event = await dataSource.transaction((tx) =>
        outbox.add(tx, aTestTopicEvent(topic, { version })),
      );
      ids.push(event.id);
    };
    const applied = async () => {
      const [{ count }] = (await dataSource.query(
        'SELECT count(*)::int AS count FROM applied WHERE event_id = ANY($1::uuid[])',
        [ids],
      )) as [{ count: number }];
      return count;
    };

    for (let v = 1; v <= 10; v++) await commit(v);
    await waitFor(async () => (await applied()) === 10, { message: 'the first ten applied' });

    kafkaScript('stop');
    for (let v = 11; v <= 20; v++) await commit(v);
    kafkaScript('start');
    for (let v = 21; v <= 30; v++) await commit(v);

    await waitFor(async () => (await applied()) === 30, {
      timeoutMs: 90_000,
      intervalMs: 250,
      message: 'all thirty applied after the restart',
    });
    const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM outbox')) as [
      { count: number },
    ];
    expect(count).toBe(0);
    expect(await applied()).toBe(30);
  }, 180_000);
});
