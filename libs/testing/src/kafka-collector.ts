import type { Kafka, KafkaMessage } from 'kafkajs';
import { uniqueName } from './infrastructure';

export interface CollectedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  /** The value parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface KafkaCollector {
  messages: CollectedMessage[];
  stop(): Promise<void>;
}

function parse(value: Buffer | null): unknown {
  try {
    return value ? (JSON.parse(value.toString('utf8')) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the topics from the beginning in a fresh consumer group and keeps every message. */
export async function collectMessages(kafka: Kafka, topics: string[]): Promise<KafkaCollector> {
  const consumer = kafka.consumer({
    groupId: uniqueName('collector'),
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    rebalanceTimeout: 10_000,
    maxWaitTimeInMs: 200,
  });
  const messages: CollectedMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      messages.push({ topic, partition, message, json: parse(message.value) });
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}
