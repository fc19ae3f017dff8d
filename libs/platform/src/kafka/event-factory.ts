import { randomUUID } from 'node:crypto';
import type { Envelope, EventData, ServiceName, Topic, TopicEnvelope } from '@rendezvous/contracts';
import { EVENT_CATALOG, EVENT_HEADERS } from '@rendezvous/contracts';
import { outgoingTraceparent } from '../trace/spans';
import { currentTrace, newTraceId } from '../trace/trace-context';
import { publishedSchemas } from './published-schemas';

/**
 * What a service states about a change on one topic, its `data` typed by the topic; the
 * platform fills in ids, time, trace and the topic's `schemaVersion`.
 */
export type NewEvent<T extends Topic = Topic> = {
  [K in T]: {
    type: K;
    aggregateId: string;
    aggregateVersion: number;
    data: EventData<K>;
    recipientIds?: string[];
  };
}[T];

export function buildEnvelope<T extends Topic>(
  source: ServiceName,
  event: NewEvent<T>,
  now: Date = new Date(),
): TopicEnvelope<T> {
  const trace = currentTrace();
  return {
    id: randomUUID(),
    type: event.type,
    // A topic the catalog does not know is a test's own; its schema is version 1.
    schemaVersion:
      (EVENT_CATALOG[event.type] as { schemaVersion?: number } | undefined)?.schemaVersion ?? 1,
    occurredAt: now.toISOString(),
    source,
    aggregateId: event.aggregateId,
    aggregateVersion: event.aggregateVersion,
    correlationId: trace?.correlationId ?? newTraceId(),
    ...(trace?.causationId ? { causationId: trace.causationId } : {}),
    ...(event.recipientIds ? { recipientIds: event.recipientIds } : {}),
    data: event.data,
  } as TopicEnvelope<T>;
}

/** Headers every event travels with, whichever outbox it leaves from; the trace continues. */
export function eventHeaders(envelope: Envelope): Record<string, string> {
  return {
    [EVENT_HEADERS.EVENT_TYPE]: envelope.type,
    [EVENT_HEADERS.TRACEPARENT]: outgoingTraceparent(currentTrace()?.traceId),
  };
}

/**
 * What a Lua script that appends events to a Redis outbox takes from TypeScript: every field of
 * the envelope and its headers that is not the event's own (id, type, time, aggregate, data), so
 * a script never makes up a version, a source or a trace.
 */
export interface EnvelopeStub {
  source: ServiceName;
  correlationId: string;
  causationId?: string;
  /** The `schemaVersion` of each topic the script may emit. */
  schemaVersions: Partial<Record<Topic, number>>;
  /** Every header but `event-type`, which the script sets per event. */
  headers: Record<string, string>;
}

export function envelopeStub(source: ServiceName, topics: readonly Topic[]): EnvelopeStub {
  const trace = currentTrace();
  const traceId = trace?.traceId ?? newTraceId();
  return {
    source,
    correlationId: trace?.correlationId ?? traceId,
    ...(trace?.causationId ? { causationId: trace.causationId } : {}),
    schemaVersions: Object.fromEntries(
      topics.map((topic) => [topic, EVENT_CATALOG[topic].schemaVersion]),
    ),
    headers: { [EVENT_HEADERS.TRACEPARENT]: outgoingTraceparent(traceId) },
  };
}

/** A service tried to publish an event that breaks its own published schema: a bug, never sent. */
export class UnpublishableEventError extends Error {
  constructor(type: string, problem: string) {
    super(`refusing to publish ${type}: it does not match its published schema (${problem})`);
    this.name = 'UnpublishableEventError';
  }
}

/**
 * The envelope as it goes on the wire, checked against the published schemas first. An event
 * consumers would dead-letter fails the request that made it instead (with its transaction), so
 * an accepted request never turns into an event nobody can read.
 */
export function publishableJson(envelope: Envelope): string {
  const json = JSON.stringify(envelope);
  const problem = publishedSchemas().problem(envelope.type, JSON.parse(json));
  if (problem) throw new UnpublishableEventError(envelope.type, problem);
  return json;
}
