import { DLQ_SUFFIX, EVENT_HEADERS } from '@rendezvous/contracts';
import type { KafkaMessage } from 'kafkajs';
import type { DeadLetterRecord } from './dead-letter';
import { deadLetterId } from './dead-letter-id';

function headerStrings(message: KafkaMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) headers[name] = first.toString();
  }
  return headers;
}

/** The envelope's id and type when the value is an envelope at all (it may be what failed). */
function envelopeIdentity(value: string): { eventId: string | null; eventType: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { eventId: null, eventType: null };
  }
  const envelope = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  const text = (field: unknown) => (typeof field === 'string' && field !== '' ? field : null);
  return { eventId: text(envelope.id), eventType: text(envelope.type) };
}

/** One message read from `<topic>.dlq`, with the `dlq-*` headers its consumer wrote. */
export function deadLetterRecord(
  topic: string,
  partition: number,
  message: KafkaMessage,
): DeadLetterRecord {
  const headers = headerStrings(message);
  const value = message.value?.toString('utf8') ?? '';
  return {
    id: deadLetterId(topic, partition, message.offset),
    topic,
    originalTopic:
      headers[EVENT_HEADERS.DLQ_SOURCE_TOPIC] ??
      (topic.endsWith(DLQ_SUFFIX) ? topic.slice(0, -DLQ_SUFFIX.length) : topic),
    consumerGroup: headers[EVENT_HEADERS.DLQ_CONSUMER_GROUP] ?? null,
    error: headers[EVENT_HEADERS.DLQ_ERROR] ?? null,
    failedAt: new Date(Number(message.timestamp)).toISOString(),
    key: message.key ? message.key.toString('utf8') : null,
    ...envelopeIdentity(value),
    value,
    headers,
  };
}

/**
 * The headers a replay carries: the original message's, without what the consumer that gave up
 * added, plus `dlq-replayed-from`.
 */
export function replayHeaders(record: DeadLetterRecord): Record<string, string> {
  const added = new Set<string>([
    EVENT_HEADERS.DLQ_ERROR,
    EVENT_HEADERS.DLQ_SOURCE_TOPIC,
    EVENT_HEADERS.DLQ_SOURCE_PARTITION,
    EVENT_HEADERS.DLQ_SOURCE_OFFSET,
    EVENT_HEADERS.DLQ_CONSUMER_GROUP,
    EVENT_HEADERS.DLQ_REPLAYED_FROM,
  ]);
  const headers = Object.fromEntries(
    Object.entries(record.headers).filter(([name]) => !added.has(name)),
  );
  return { ...headers, [EVENT_HEADERS.DLQ_REPLAYED_FROM]: record.id };
}
