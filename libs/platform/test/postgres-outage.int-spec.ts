import { randomUUID } from 'node:crypto';
import { Controller, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Envelope } from '@rendezvous/contracts';
import { COMMON_ERRORS, dlqTopic } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import {
  collectMessages,
  createTestDatabase,
  silentLogger,
  testKafka,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  InboxService,
  KafkaConsumerTransport,
  PlatformConfig,
  PlatformMetrics,
  PlatformModule,
  Public,
  createApp,
  ensureTopics,
} from '../src';
import { platformDataSource } from './platform-data-source';

/** A query that waits until the test ends its connection; the comment is how the test finds it. */
const stalledQuery = (marker: string) => `SELECT pg_sleep(30) /* ${marker} */`;

/** Ends the server connection running the marked query, as a database restart would. */
async function terminateConnectionRunning(
  admin: DataSource,
  database: string,
  marker: string,
): Promise<void> {
  await waitFor(
    async () => {
      const rows = (await admin.query(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND query LIKE $2`,
        [database, `%/* ${marker} */%`],
      )) as { ended: boolean }[];
      return rows.some((row) => row.ended);
    },
    { message: `a connection running ${marker}` },
  );
}

@Controller('stalls')
class StallsController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Post()
  async stall() {
    await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await tx.query(stalledQuery('it-http'));
    });
    return { done: true };
  }
}

class TestConfig extends PlatformConfig {}

@Module({
  imports: [PlatformModule.forRoot({ service: 'event', config: TestConfig, database: {} })],
  controllers: [StallsController],
})
class TestAppModule {}

describe('a PostgreSQL connection terminated mid-work', () => {
  let database: { name: string; drop: () => Promise<void> };
  let admin: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await platformDataSource(database.name);
  });

  afterAll(async () => {
    await admin.destroy();
    await database.drop();
  });

  describe('during a request', () => {
    let app: NestFastifyApplication;

    beforeAll(async () => {
      process.env['POSTGRES_DB'] = database.name;
      process.env['LOG_LEVEL'] = 'silent';
      app = await createApp(TestAppModule);
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    });

    afterAll(async () => {
      await app.close();
      delete process.env['POSTGRES_DB'];
      delete process.env['LOG_LEVEL'];
    });

    it('answers 503 with Retry-After, not 500, and the next request is served', async () => {
      const answer = app.inject({ method: 'POST', url: '/api/v1/stalls' });
      await terminateConnectionRunning(admin, database.name, 'it-http');
      const response = await answer;
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json<{ code: string }>().code).toBe(COMMON_ERRORS.SERVICE_UNAVAILABLE);

      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
    });
  });

  describe('while a consumer handles an event', () => {
    const kafka = testKafka();
    const topic = uniqueName('it.pg-outage');
    let dataSource: DataSource;
    let producer: Producer;
    let transport: KafkaConsumerTransport;
    let dlq: KafkaCollector;
    const metrics = new PlatformMetrics('test');
    const attempts = new Map<string, number>();

    beforeAll(async () => {
      dataSource = await platformDataSource(database.name);
      await dataSource.query('CREATE TABLE applied (event_id uuid NOT NULL)');
      const inbox = new InboxService(dataSource);
      await ensureTopics(kafka, [topic], { partitions: 1, replicationFactor: 1 });
      producer = kafka.producer();
      await producer.connect();
      dlq = await collectMessages(kafka, [dlqTopic(topic)], { testTopics: [dlqTopic(topic)] });
      transport = new KafkaConsumerTransport({
        kafka,
        groupId: uniqueName('it-pg-outage'),
        logger: silentLogger,
        metrics,
        // No retry budget: only the classification as an outage keeps the event from the DLQ.
        retries: 0,
        retryBaseMs: 20,
        retryMaxMs: 100,
        partitionsConsumedConcurrently: 1,
      });
      transport.addHandler(
        topic,
        async (event: Envelope) => {
          const attempt = (attempts.get(event.id) ?? 0) + 1;
          attempts.set(event.id, attempt);
          await inbox.once(event, async (tx) => {
            await tx.query('INSERT INTO applied (event_id) VALUES ($1)', [event.id]);
            if (attempt === 1) await tx.query(stalledQuery('it-consumer'));
          });
        },
        true,
      );
      await new Promise<void>((resolve, reject) =>
        transport.listen((error?: unknown) => (error ? reject(error as Error) : resolve())),
      );
    });

    afterAll(async () => {
      await transport.close();
      await dlq.stop();
      await producer.disconnect();
      await dataSource.destroy();
    });

    it('retries the event and applies it once, without dead-lettering it', async () => {
      const event: Envelope = {
        id: randomUUID(),
        type: topic,
        schemaVersion: 1,
        occurredAt: new Date().toISOString(),
        source: 'user',
        aggregateId: randomUUID(),
        aggregateVersion: 1,
        correlationId: 'a'.repeat(32),
        data: {},
      };
      await producer.send({
        topic,
        messages: [{ key: event.aggregateId, value: JSON.stringify(event) }],
      });
      await terminateConnectionRunning(admin, database.name, 'it-consumer');
      await waitFor(
        async () => {
          const [{ count }] = (await admin.query(
            'SELECT count(*)::int AS count FROM applied WHERE event_id = $1',
            [event.id],
          )) as [{ count: number }];
          return count === 1;
        },
        { message: 'the event applied after the outage' },
      );
      expect(attempts.get(event.id)).toBe(2);
      const retried = (await metrics.kafkaConsumed.get()).values.find(
        (v) => v.labels.topic === topic && v.labels.outcome === 'retried',
      );
      expect(retried?.value).toBe(1);
      expect(dlq.messages).toEqual([]);
    });
  });
});
