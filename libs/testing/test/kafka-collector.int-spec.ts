import { randomUUID } from 'node:crypto';
import { EVENT_HEADERS, TOPICS, dlqTopic } from '@rendezvous/contracts';
import type { Kafka, Producer } from 'kafkajs';
import { ContractViolation, collectMessages, testKafka, uniqueName, waitFor } from '../src';

// Dead letters: a documented channel that no consumer of the suite reads.
const DLQ = dlqTopic(TOPICS.USER_DELETED);

const deadLetter = (key: string, headers: Record<string, string>) => ({
  key,
  value: 'not json',
  headers,
});

const parkedHeaders = {
  [EVENT_HEADERS.DLQ_ERROR]: 'PoisonMessageError: message is not valid JSON',
  [EVENT_HEADERS.DLQ_SOURCE_TOPIC]: TOPICS.USER_DELETED,
  [EVENT_HEADERS.DLQ_SOURCE_PARTITION]: '0',
  [EVENT_HEADERS.DLQ_SOURCE_OFFSET]: '1',
  [EVENT_HEADERS.DLQ_CONSUMER_GROUP]: 'matching',
};

async function createTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  // Resolves false for topics that exist already.
  await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 1 })) });
  await admin.disconnect();
}

describe(collectMessages.name, () => {
  const kafka = testKafka();
  let producer: Producer;

  beforeAll(async () => {
    await createTopics(kafka, [DLQ]);
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(() => producer.disconnect());

  it('keeps messages that conform to the AsyncAPI document', async () => {
    const collector = await collectMessages(kafka, [DLQ]);
    const key = randomUUID();
    await producer.send({ topic: DLQ, messages: [deadLetter(key, parkedHeaders)] });
    await waitFor(() => collector.messages.some((m) => m.message.key?.toString() === key));
    await expect(collector.stop()).resolves.toBeUndefined();
  });

  it('fails waitFor at once and stop() when a message breaks the document, naming the field', async () => {
    const collector = await collectMessages(kafka, [DLQ]);
    const { [EVENT_HEADERS.DLQ_ERROR]: _, ...withoutError } = parkedHeaders;
    await producer.send({ topic: DLQ, messages: [deadLetter(randomUUID(), withoutError)] });
    const started = Date.now();
    const waiting = waitFor(() => collector.messages.length > 1_000_000, { timeoutMs: 30_000 });
    await expect(waiting).rejects.toThrow(ContractViolation);
    await expect(waiting).rejects.toThrow("headers must have required property 'dlq-error'");
    expect(Date.now() - started).toBeLessThan(30_000);
    await expect(collector.stop()).rejects.toThrow(ContractViolation);
  });

  it("leaves the test's own topics unchecked when it names them", async () => {
    const topic = uniqueName('it.collector');
    await createTopics(kafka, [topic]);
    const collector = await collectMessages(kafka, [topic], { testTopics: [topic] });
    await producer.send({ topic, messages: [{ key: 'k', value: 'anything' }] });
    await waitFor(() => collector.messages.length === 1);
    await expect(collector.stop()).resolves.toBeUndefined();
  });
});
