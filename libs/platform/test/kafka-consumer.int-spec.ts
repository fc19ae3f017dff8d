import { randomUUID } from 'node:crypto';
import type { Envelope } from '@rendezvous/contracts';
import { dlqTopic } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import { platformDataSource } from './platform-data-source';
import {
  collectMessages,
  createTestDatabase,
  silentLogger,
  testKafka,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { InboxService, KafkaConsumerTransport, PlatformMetrics, ensureTopics } from '../src';

const kafka = testKafka();

function envelope(topic: string, data: Record<string, unknown> = {}): Envelope {
  return {
    id: randomUUID(),
    type: topic,
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    source: 'user',
    aggregateId: randomUUID(),
    aggregateVersion: 1,
    correlationId: 'a'.repeat(32),
    data,
  };
}

async function counterValue(
  metrics: PlatformMetrics,
  topic: string,
  outcome: string,
): Promise<number> {
  const metric = await metrics.kafkaConsumed.get();
  return (
    metric.values.find((v) => v.labels.topic === topic && v.labels.outcome === outcome)?.value ?? 0
  );
}

describe(KafkaConsumerTransport.name, () => {
  const topic = uniqueName('it.consumer');
  const groupId = uniqueName('it-group');
  let database: { name: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let inbox: InboxService;
  let producer: Producer;
  let transport: KafkaConsumerTransport;
  let dlq: KafkaCollector;
  const metrics = new PlatformMetrics('test');
  const failuresLeft = new Map<string, number>();
  const outagesLeft = new Map<string, number>();

  const send = (value: string | Buffer, key: string = randomUUID()) =>
    producer.send({ topic, messages: [{ key, value }] });

  const appliedCount = async (id: string): Promise<number> => {
    const [{ count }] = (await dataSource.query(
      'SELECT count(*)::int AS count FROM applied WHERE event_id = $1',
      [id],
    )) as [{ count: number }];
    return count;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await platformDataSource(database.name);
    await dataSource.query('CREATE TABLE applied (event_id uuid NOT NULL, attempt int NOT NULL)');
    inbox = new InboxService(dataSource);
    await ensureTopics(kafka, [topic], { partitions: 3, replicationFactor: 1 });
    producer = kafka.producer();
    await producer.connect();
    dlq = await collectMessages(kafka, [dlqTopic(topic)], { testTopics: [dlqTopic(topic)] });

    transport = new KafkaConsumerTransport({
      kafka,
      groupId,
      logger: silentLogger,
      metrics,
      retries: 3,
      retryBaseMs: 20,
      retryMaxMs: 100,
      partitionsConsumedConcurrently: 3,
    });
    transport.addHandler(
      topic,
      async (event: Envelope) => {
        const outages = outagesLeft.get(event.id) ?? 0;
        if (outages > 0) {
          outagesLeft.set(event.id, outages - 1);
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
            code: 'ECONNREFUSED',
          });
        }
        const left = failuresLeft.get(event.id) ?? 0;
        if (left > 0) {
          failuresLeft.set(event.id, left - 1);
          throw new Error('transient failure');
        }
        await inbox.once(event, (tx) =>
          tx.query('INSERT INTO applied (event_id, attempt) VALUES ($1, 1)', [event.id]),
        );
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
    await database.drop();
  });

  it('applies an event delivered twice only once', async () => {
    const event = envelope(topic);
    const before = await counterValue(metrics, topic, 'processed');
    await send(JSON.stringify(event), event.aggregateId);
    await send(JSON.stringify(event), event.aggregateId);
    await waitFor(async () => (await counterValue(metrics, topic, 'processed')) >= before + 2, {
      message: 'both deliveries handled',
    });
    expect(await appliedCount(event.id)).toBe(1);
  });

  it('parks a malformed message in the DLQ with the error and moves on', async () => {
    const key = randomUUID();
    await send('{"this is": not json', key);
    const next = envelope(topic);
    await send(JSON.stringify(next), key);
    await waitFor(async () => (await appliedCount(next.id)) === 1, {
      message: 'the next event applied',
    });
    const parked = await waitFor(
      () => dlq.messages.find((m) => m.message.key?.toString() === key),
      {
        message: 'the poison message in the DLQ',
      },
    );
    expect(parked.message.value?.toString()).toBe('{"this is": not json');
    expect(parked.message.headers?.['dlq-error']?.toString()).toMatch(/not valid JSON/);
    expect(parked.message.headers?.['dlq-source-topic']?.toString()).toBe(topic);
  });

  it('parks an envelope of the wrong shape in the DLQ', async () => {
    const bad = { ...envelope(topic), id: 'not-a-uuid' };
    await send(JSON.stringify(bad), bad.aggregateId);
    const parked = await waitFor(
      () => dlq.messages.find((m) => m.message.key?.toString() === bad.aggregateId),
      { message: 'the invalid envelope in the DLQ' },
    );
    expect(parked.message.headers?.['dlq-error']?.toString()).toMatch(/invalid envelope/);
  });

  it('retries a transient handler failure with backoff and then applies the event', async () => {
    const event = envelope(topic);
    failuresLeft.set(event.id, 2);
    await send(JSON.stringify(event), event.aggregateId);
    await waitFor(async () => (await appliedCount(event.id)) === 1, {
      message: 'the event applied after retries',
    });
    expect(failuresLeft.get(event.id)).toBe(0);
    expect(dlq.messages.some((m) => m.message.key?.toString() === event.aggregateId)).toBe(false);
  });

  it('dead-letters an event that keeps failing after its retries, without losing later ones', async () => {
    const stuck = envelope(topic);
    failuresLeft.set(stuck.id, 100);
    await send(JSON.stringify(stuck), stuck.aggregateId);
    const after = envelope(topic);
    await send(JSON.stringify(after), stuck.aggregateId);
    const parked = await waitFor(
      () => dlq.messages.find((m) => m.message.key?.toString() === stuck.aggregateId),
      { message: 'the failing event in the DLQ' },
    );
    expect(parked.message.headers?.['dlq-error']?.toString()).toMatch(/transient failure/);
    expect(parked.message.headers?.['dlq-source-topic']?.toString()).toBe(topic);
    expect(parked.message.headers?.['dlq-source-partition']?.toString()).toMatch(/^\d+$/);
    expect(parked.message.headers?.['dlq-source-offset']?.toString()).toMatch(/^\d+$/);
    expect(parked.message.headers?.['dlq-consumer-group']?.toString()).toBe(groupId);
    await waitFor(async () => (await appliedCount(after.id)) === 1, {
      message: 'the later event applied',
    });
    expect(await appliedCount(stuck.id)).toBe(0);
    expect(failuresLeft.get(stuck.id)).toBe(100 - 4);
  });

  it('waits out an infrastructure outage longer than its retry budget instead of dead-lettering', async () => {
    const event = envelope(topic);
    outagesLeft.set(event.id, 8);
    await send(JSON.stringify(event), event.aggregateId);
    await waitFor(async () => (await appliedCount(event.id)) === 1, {
      message: 'the event applied once the outage is over',
    });
    expect(outagesLeft.get(event.id)).toBe(0);
    expect(dlq.messages.some((m) => m.message.key?.toString() === event.aggregateId)).toBe(false);
  });
});
