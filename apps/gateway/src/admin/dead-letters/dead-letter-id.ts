import { createHash } from 'node:crypto';

/**
 * A dead letter's id: a name-based UUID (version 5 layout, SHA-1) of where it sits in its DLQ,
 * so re-reading the DLQ after a restart or a Redis loss finds the same ids again, and the id is
 * a UUID like every id of the API.
 */
export function deadLetterId(dlqTopic: string, partition: number, offset: string): string {
  const hash = createHash('sha1').update(`${dlqTopic}:${partition}:${offset}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
