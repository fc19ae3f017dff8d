import { EVENT_CONTENT_TYPE, EVENT_HEADERS } from '@rendezvous/contracts';
import type { Message, Producer, TopicMessages } from 'kafkajs';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import { startSendSpans } from '../trace/spans';

export interface OutboxRow {
  seq: string;
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Groups rows (already in commit order) into one batch per topic, keeping their relative
 * order. Kafka orders within a partition and equal keys share a partition, so every
 * aggregate's events leave in the order they were committed. Both relays publish through it,
 * so every event gets its `content-type` here, rows written by Lua scripts included.
 */
export function toTopicMessages(rows: readonly OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({
      key: row.key,
      value: row.value,
      headers: { ...row.headers, [EVENT_HEADERS.CONTENT_TYPE]: EVENT_CONTENT_TYPE },
    });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/**
 * Publishes rows from either outbox in one batch, each in a `send <topic>` span that continues
 * the trace of the change that wrote it, and counts them once the broker has them.
 */
export async function sendOutboxRows(
  producer: Producer,
  rows: readonly OutboxRow[],
  outbox: 'postgres' | 'redis',
  metrics?: PlatformMetrics,
): Promise<void> {
  const sending = startSendSpans(rows, outbox);
  const topicMessages = toTopicMessages(sending.rows);
  try {
    await producer.sendBatch({ topicMessages });
  } catch (error) {
    sending.end(error);
    throw error;
  }
  sending.end();
  for (const { topic, messages } of topicMessages) metrics?.countProduced(topic, messages.length);
}
