import { randomUUID } from 'node:crypto';
import type { Envelope, ServiceName } from '@rendezvous/contracts';
import { EVENT_HEADERS, EVENT_SCHEMAS } from '@rendezvous/contracts';
import type { Topic } from '@rendezvous/contracts';
import { currentTrace, newTraceId, traceparentFor } from '../trace/trace-context';
import { publishedSchemas } from './published-schemas';

/** What a service states about a change; the platform fills in ids, time and trace. */
export interface NewEvent<TData = unknown> {
  type: Topic | string;
  aggregateId: string;
  aggregateVersion: number;
  data: TData;
  recipientIds?: string[];
  schemaVersion?: number;
}

export function buildEnvelope<TData>(
  source: ServiceName,
  event: NewEvent<TData>,
  now: Date = new Date(),
): Envelope<TData> {
  const trace = currentTrace();
  const registered = EVENT_SCHEMAS[event.type as Topic];
  return {
    id: randomUUID(),
    type: event.type,
    schemaVersion: event.schemaVersion ?? registered?.schemaVersion ?? 1,
    occurredAt: now.toISOString(),
    source,
    aggregateId: event.aggregateId,
    aggregateVersion: event.aggregateVersion,
    correlationId: trace?.correlationId ?? newTraceId(),
    ...(trace?.causationId ? { causationId: trace.causationId } : {}),
    ...(event.recipientIds ? { recipientIds: event.recipientIds } : {}),
    data: event.data,
  };
}

/** Headers every event travels with, whichever outbox it leaves from; the trace continues. */
export function eventHeaders(envelope: Envelope): Record<string, string> {
  return {
    [EVENT_HEADERS.EVENT_TYPE]: envelope.type,
    [EVENT_HEADERS.TRACEPARENT]: traceparentFor(currentTrace()?.traceId ?? newTraceId()),
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
