import type { Envelope } from '@rendezvous/contracts';
import type { KafkaCollector } from '@rendezvous/testing';
import { platformDataSource } from './platform-data-source';
import {
  collectMessages,
  createTestDatabase,
  silentLogger,
  testInfra,
  testKafka,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@rendezvous/contracts';
import type { NewEvent } from '../src';
import { OutboxRelay, OutboxService, UnpublishableEventError, ensureTopics } from '../src';
import { aTestTopicEvent } from './test-topic-event';

const logger = silentLogger;
const kafka = testKafka();

describe(OutboxRelay.name, () => {
  const topic = uniqueName('it.outbox');
  let database: { name: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let collector: KafkaCollector;
  const outbox = new OutboxService('user');
  const relays: OutboxRelay[] = [];

  function relay(using: Kafka = kafka): OutboxRelay {
    const r = new OutboxRelay({
      postgres: { ...testInfra.postgres, database: database.name },
      kafka: using,
      logger,
      sweepIntervalMs: 5_000,
      standbyRetryMs: 200,
    });
    relays.push(r);
    return r;
  }

  async function commit(aggregateId: string, version: number): Promise<Envelope> {
    return dataSource.transaction((tx) =>
      outbox.add(tx, aTestTopicEvent(topic, { version }, { aggregateId, version })),
    );
  }

  const received = (id: string) =>
    collector.messages.filter((m) => (m.json as Envelope | undefined)?.id === id);

  async function outboxRows(): Promise<number> {
    const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM outbox')) as [
      { count: number },
    ];
    return count;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await platformDataSource(database.name);
    await ensureTopics(kafka, [topic], { partitions: 3, replicationFactor: 1 });
    collector = await collectMessages(kafka, [topic], { testTopics: [topic] });
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await collector.stop();
    await dataSource.destroy();
    await database.drop();
  });

  it('publishes a committed event exactly once, right after commit', async () => {
    relay().start();
    const event = await commit(randomUUID(), 1);
    await waitFor(() => received(event.id).length > 0, { message: 'the event on Kafka' });
    await waitFor(async () => (await outboxRows()) === 0, { message: 'the outbox to empty' });
    // A later event arriving proves the consumer read past any duplicate of the first.
    const marker = await commit(event.aggregateId, 2);
    await waitFor(() => received(marker.id).length > 0, { message: 'the marker event' });
    expect(received(event.id)).toHaveLength(1);
    const [message] = received(event.id);
    expect(message.message.key?.toString()).toBe(event.aggregateId);
    expect(message.message.headers?.['event-type']?.toString()).toBe(topic);
    expect(message.message.headers?.['content-type']?.toString()).toBe('application/json');
    expect(message.message.headers?.['traceparent']?.toString()).toMatch(/^00-[0-9a-f]{32}-/);
    expect(message.json).toEqual(event);
  });

  it('refuses, with its transaction, an event that breaks its own published schema', async () => {
    const slot = (startsAt: string): NewEvent<'timeslot.created'> => ({
      type: TOPICS.TIMESLOT_CREATED,
      aggregateId: randomUUID(),
      aggregateVersion: 1,
      data: {
        timeslotId: randomUUID(),
        userId: randomUUID(),
        startsAt,
        endsAt: startsAt,
        status: 'free',
      },
    });
    const before = await outboxRows();
    // What `new Date('9999-12-31T23:59:59-01:00').toISOString()` writes: not a date-time.
    await expect(
      dataSource.transaction((tx) => outbox.add(tx, slot('+010000-01-01T00:59:59.000Z'))),
    ).rejects.toBeInstanceOf(UnpublishableEventError);
    expect(await outboxRows()).toBe(before);
    await dataSource.transaction((tx) => outbox.add(tx, slot('2030-01-01T00:00:00.000Z')));
    expect(await outboxRows()).toBe(before + 1);
    await dataSource.query('DELETE FROM outbox');
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    relay().start();
    const aggregateId = randomUUID();
    let rolledBack: Envelope | undefined;
    await expect(
      dataSource.transaction(async (tx) => {
        rolledBack = await outbox.add(tx, aTestTopicEvent(topic, {}, { aggregateId }));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const after = await commit(aggregateId, 1);
    await waitFor(() => received(after.id).length > 0, { message: 'the committed event' });
    expect(rolledBack).toBeDefined();
    expect(received(rolledBack?.id ?? '')).toHaveLength(0);
  });

  it('delivers an event committed while the relay could not publish, once a relay runs again', async () => {
    const deadBroker = new Kafka({
      clientId: 'dead',
      brokers: ['127.0.0.1:1'],
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 200,
    });
    const crashed = relay(deadBroker);
    crashed.start();
    const event = await commit(randomUUID(), 1);
    await crashed.stop();
    expect(await outboxRows()).toBeGreaterThanOrEqual(1);
    expect(received(event.id)).toHaveLength(0);

    relay().start();
    await waitFor(() => received(event.id).length > 0, { message: 'the event after restart' });
    await waitFor(async () => (await outboxRows()) === 0, { message: 'the outbox to empty' });
    expect(received(event.id)).toHaveLength(1);
  });

  it('keeps each aggregate’s events in commit order', async () => {
    relay().start();
    const aggregateId = randomUUID();
    const events: Envelope[] = [];
    for (let version = 1; version <= 15; version++) events.push(await commit(aggregateId, version));
    const last = events[events.length - 1];
    await waitFor(() => received(last.id).length > 0, { message: 'the last event' });
    const versions = collector.messages
      .map((m) => m.json as Envelope)
      .filter((e) => e.aggregateId === aggregateId)
      .map((e) => e.aggregateVersion);
    expect(versions).toEqual(events.map((e) => e.aggregateVersion));
  });

  it('lets only one replica relay at a time; a standby takes over when the leader stops', async () => {
    const first = relay();
    const second = relay();
    first.start();
    await waitFor(() => first.leader, { message: 'a leader' });
    second.start();
    const event = await commit(randomUUID(), 1);
    await waitFor(() => received(event.id).length > 0, { message: 'the event' });
    expect(second.leader).toBe(false);

    await first.stop();
    await waitFor(() => second.leader, { message: 'the standby to take over' });
    const next = await commit(randomUUID(), 1);
    await waitFor(() => received(next.id).length > 0, { message: 'the event after takeover' });
    expect(received(event.id)).toHaveLength(1);
  });

  it('refuses to record an event outside a transaction, where it could outlive a failed change', async () => {
    await expect(outbox.add(dataSource.manager, aTestTopicEvent(topic, {}))).rejects.toThrow(
      /inside a transaction/,
    );
    expect(await outboxRows()).toBe(0);
  });
});
