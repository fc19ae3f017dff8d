import { DLQ_SUFFIX, dlqRetentionMs } from '@rendezvous/contracts';
import type { DeadLetterRecord } from './dead-letter';

/**
 * When Kafka may drop a dead letter's message (epoch ms): its DLQ's retention after it was
 * parked. The index forgets it then, so it never lists a dead letter whose message is gone.
 */
export function deadLetterExpiresAt(record: Pick<DeadLetterRecord, 'topic' | 'failedAt'>): number {
  const parkedOn = record.topic.endsWith(DLQ_SUFFIX)
    ? record.topic.slice(0, -DLQ_SUFFIX.length)
    : record.topic;
  return Date.parse(record.failedAt) + dlqRetentionMs(parkedOn);
}
