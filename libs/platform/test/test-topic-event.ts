import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../src';

/**
 * An event on a topic only this test uses (its own, so other tests' messages never reach it).
 * The catalog does not know the topic, so its data is free and no schema checks it.
 */
export function aTestTopicEvent(
  topic: string,
  data: Record<string, unknown>,
  options: { aggregateId?: string; version?: number } = {},
): NewEvent {
  return {
    type: topic,
    aggregateId: options.aggregateId ?? randomUUID(),
    aggregateVersion: options.version ?? 1,
    data,
  } as unknown as NewEvent;
}
