import type { ServiceName } from '../services';

/** Every Kafka message value is one envelope (ARCHITECTURE.md, Kafka). */
export interface Envelope<TData = unknown, TType extends string = string> {
  /** Unique event id (UUID); consumers dedupe on it, notifications carry it as `notificationId`. */
  id: string;
  /** The event type, equal to the topic name. */
  type: TType;
  /** Version of `data`'s schema; a breaking change moves to a new topic. */
  schemaVersion: number;
  /** When the change happened (ISO-8601 UTC). */
  occurredAt: string;
  /** The service that emitted the event. */
  source: ServiceName;
  /** Id of the aggregate that changed; also the message key. */
  aggregateId: string;
  /** Rises by one with every change of the aggregate; consumers apply only newer versions. */
  aggregateVersion: number;
  /** Follows one request across services (the W3C trace id of the request that started it). */
  correlationId: string;
  /** Id of the event that caused this one, when an event handler emitted it. */
  causationId?: string;
  /** People to notify; the gateway needs no other lookup. */
  recipientIds?: string[];
  data: TData;
}

export const ENVELOPE_SCHEMA = {
  $id: 'urn:rendezvous:schema:envelope',
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'type',
    'schemaVersion',
    'occurredAt',
    'source',
    'aggregateId',
    'aggregateVersion',
    'correlationId',
    'data',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { type: 'string', minLength: 1, maxLength: 200 },
    schemaVersion: { type: 'integer', minimum: 1 },
    occurredAt: { type: 'string', format: 'date-time' },
    source: { type: 'string', minLength: 1 },
    aggregateId: { type: 'string', minLength: 1, maxLength: 200 },
    aggregateVersion: { type: 'integer', minimum: 0 },
    correlationId: { type: 'string', minLength: 1, maxLength: 200 },
    causationId: { type: 'string', minLength: 1, maxLength: 200 },
    recipientIds: { type: 'array', items: { type: 'string', format: 'uuid' }, uniqueItems: true },
    data: { type: 'object' },
  },
} as const;
