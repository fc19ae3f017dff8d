import { asyncApiDocument } from '@rendezvous/asyncapi';
import type { Envelope, EventData, Topic } from '@rendezvous/contracts';
import type { Kafka, KafkaMessage } from 'kafkajs';
import type { MessageValidator } from './asyncapi-validator';
import { asyncApiMessageValidator } from './asyncapi-validator';
import { ContractViolation } from './contract-violation';
import { uniqueName } from './infrastructure';

export interface CollectedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  /** The value parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface KafkaCollector {
  /**
   * Every message read so far. Reading it throws a `ContractViolation` once a message broke the
   * AsyncAPI document, which fails the test (and `waitFor` at once).
   */
  readonly messages: CollectedMessage[];
  /**
   * The envelopes read on `topic` (of one aggregate when given), typed by the topic: what was
   * produced since the collector started has been checked against the document.
   */
  envelopes<T extends Topic>(topic: T, aggregateId?: string): Envelope<EventData<T>, T>[];
  /** Disconnects, then throws if a message broke the document: a test that never looked fails too. */
  stop(): Promise<void>;
}

export interface CollectOptions {
  /**
   * Topics the test made up for itself, which the AsyncAPI document does not describe: their
   * messages are kept unchecked. Any other topic's messages are checked against the document.
   */
  testTopics?: readonly string[];
}

let documentValidator: MessageValidator | undefined;

/** The validator of the document the gateway serves, built once per test file. */
function validator(): MessageValidator {
  documentValidator ??= asyncApiMessageValidator(asyncApiDocument());
  return documentValidator;
}

function parse(value: Buffer | null): unknown {
  try {
    return value ? (JSON.parse(value.toString('utf8')) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the topics from the beginning in a fresh consumer group and keeps every message. Each
 * message produced since the collector started is checked against the AsyncAPI document (see
 * `KafkaCollector`); older ones come from earlier runs and other tests, maybe of older code.
 */
export async function collectMessages(
  kafka: Kafka,
  topics: string[],
  { testTopics = [] }: CollectOptions = {},
): Promise<KafkaCollector> {
  const since = Date.now();
  const validate = validator();
  const consumer = kafka.consumer({
    groupId: uniqueName('collector'),
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    rebalanceTimeout: 10_000,
    maxWaitTimeInMs: 200,
  });
  const messages: CollectedMessage[] = [];
  const violations: string[] = [];
  const check = () => {
    if (violations.length === 0) return;
    throw new ContractViolation(
      `${violations.length} Kafka message problem(s) against the AsyncAPI document:\n${violations.join('\n')}`,
    );
  };
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      messages.push({ topic, partition, message, json: parse(message.value) });
      if (testTopics.includes(topic) || Number(message.timestamp) < since) return;
      const where = `${topic} partition ${partition} offset ${message.offset}`;
      violations.push(...validate(topic, message).map((problem) => `${where}: ${problem}`));
    },
  });
  const envelopesOf = <T extends Topic>(topic: T, aggregateId?: string) => {
    check();
    return messages
      .filter((m) => m.topic === topic && m.json !== undefined)
      .map((m) => m.json as Envelope<EventData<T>, T>)
      .filter((e) => aggregateId === undefined || e.aggregateId === aggregateId);
  };
  return {
    get messages() {
      check();
      return messages;
    },
    envelopes: envelopesOf,
    stop: async () => {
      await consumer.disconnect();
      check();
    },
  };
}
