import type { JsonSchema, Topic } from '@rendezvous/contracts';
import {
  ENVELOPE_SCHEMA,
  EVENT_CONTENT_TYPE,
  EVENT_HEADERS,
  EVENT_SCHEMAS,
  TOPIC_ORIGINS,
  dlqTopic,
} from '@rendezvous/contracts';

export const KAFKA_BINDING_VERSION = '0.5.0';

/** `user.status_changed` → `user_status_changed`: channel and message ids allow no dots. */
export const channelId = (topic: string): string => topic.replace(/\./g, '_');
export const dlqChannelId = (topic: string): string => `${channelId(topic)}_dlq`;
export const deadLetterMessageId = (topic: string): string => `${channelId(topic)}_dead_letter`;

/** `event.registration.created` → `EventRegistrationCreated`, for schema and message names. */
export const pascalName = (topic: string): string =>
  topic
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

const ref = (path: string) => ({ $ref: path });
const schemaRef = (name: string) => ref(`#/components/schemas/${name}`);

/** Header schemas every message shares, as components named `<Header>Header`. */
const HEADER_SCHEMAS: Record<string, JsonSchema> = {
  TraceparentHeader: {
    type: 'string',
    pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
    description:
      'W3C trace context of the request that caused the event; its trace id is the envelope’s `correlationId` when the request started the change.',
  },
  ContentTypeHeader: {
    type: 'string',
    const: EVENT_CONTENT_TYPE,
    description: 'The value is the envelope as UTF-8 JSON.',
  },
  DlqErrorHeader: {
    type: 'string',
    maxLength: 4000,
    description:
      'Why the consumer gave up: the error’s name and message, e.g. `PoisonMessageError: invalid data: …` for a message that fails validation (parked at once), else the handler’s last error after its retries.',
  },
  DlqSourcePartitionHeader: {
    type: 'string',
    pattern: '^[0-9]+$',
    description: 'The partition the message was read from.',
  },
  DlqSourceOffsetHeader: {
    type: 'string',
    pattern: '^[0-9]+$',
    description: 'Its offset in that partition.',
  },
  DlqConsumerGroupHeader: {
    type: 'string',
    minLength: 1,
    description:
      'The consumer group that gave up (a service’s name unless its `KAFKA_CONSUMER_GROUP` says otherwise); other groups applied the message normally.',
  },
  DlqReplayedFromHeader: {
    type: 'string',
    format: 'uuid',
    description:
      'Only on a message an admin replayed from its `.dlq` (`POST /admin/dead-letters/:id/replay`): the dead letter’s id. The message is otherwise the original, key and envelope included, so a group that already applied it drops it by event id.',
  },
};

/** The message key: the aggregate id, which also keeps one aggregate's events on one partition. */
export function keySchema(topic: Topic): JsonSchema {
  const { key, uuidKey } = TOPIC_ORIGINS[topic];
  return {
    type: 'string',
    ...(uuidKey ? { format: 'uuid' } : { minLength: 1, maxLength: 200 }),
    description: `The id of ${key}: the envelope's \`aggregateId\`. Kafka's default partitioner hashes it, so one aggregate's events stay in order on one partition.`,
  };
}

function headersSchema(topic: Topic): JsonSchema {
  return {
    type: 'object',
    description:
      'Kafka headers, UTF-8 strings. Other headers may be added; ignore what you do not know.',
    required: [EVENT_HEADERS.TRACEPARENT, EVENT_HEADERS.EVENT_TYPE, EVENT_HEADERS.CONTENT_TYPE],
    properties: {
      [EVENT_HEADERS.TRACEPARENT]: schemaRef('TraceparentHeader'),
      [EVENT_HEADERS.EVENT_TYPE]: {
        type: 'string',
        const: topic,
        description: 'The envelope’s `type`.',
      },
      [EVENT_HEADERS.CONTENT_TYPE]: schemaRef('ContentTypeHeader'),
      [EVENT_HEADERS.DLQ_REPLAYED_FROM]: schemaRef('DlqReplayedFromHeader'),
    },
  };
}

function deadLetterHeadersSchema(topic: Topic): JsonSchema {
  const original = headersSchema(topic).properties as Record<string, JsonSchema>;
  return {
    type: 'object',
    description:
      'The original message’s headers (when it had them) plus the `dlq-*` headers written by the consumer that gave up.',
    required: [
      EVENT_HEADERS.DLQ_ERROR,
      EVENT_HEADERS.DLQ_SOURCE_TOPIC,
      EVENT_HEADERS.DLQ_SOURCE_PARTITION,
      EVENT_HEADERS.DLQ_SOURCE_OFFSET,
      EVENT_HEADERS.DLQ_CONSUMER_GROUP,
    ],
    properties: {
      ...original,
      [EVENT_HEADERS.DLQ_ERROR]: schemaRef('DlqErrorHeader'),
      [EVENT_HEADERS.DLQ_SOURCE_TOPIC]: { type: 'string', const: topic },
      [EVENT_HEADERS.DLQ_SOURCE_PARTITION]: schemaRef('DlqSourcePartitionHeader'),
      [EVENT_HEADERS.DLQ_SOURCE_OFFSET]: schemaRef('DlqSourceOffsetHeader'),
      [EVENT_HEADERS.DLQ_CONSUMER_GROUP]: schemaRef('DlqConsumerGroupHeader'),
    },
  };
}

/** The schema of `data`, as published in contracts. */
export function dataSchema(topic: Topic): JsonSchema {
  return EVENT_SCHEMAS[topic]?.data ?? { type: 'object', description: 'Schema not published yet' };
}

/** The envelope of `topic`'s messages, its `data` a reference to the topic's data schema. */
export function envelopeSchema(topic: Topic): JsonSchema {
  const { producers, uuidKey } = TOPIC_ORIGINS[topic];
  const { $id: _id, ...envelope } = ENVELOPE_SCHEMA;
  return {
    ...envelope,
    title: `${topic} envelope`,
    properties: {
      ...envelope.properties,
      type: { type: 'string', const: topic },
      schemaVersion: { type: 'integer', const: EVENT_SCHEMAS[topic]?.schemaVersion ?? 1 },
      source: { type: 'string', enum: producers, description: 'The service that emitted it.' },
      aggregateId: uuidKey
        ? { type: 'string', format: 'uuid', description: 'Also the message key.' }
        : { ...envelope.properties.aggregateId, description: 'Also the message key.' },
      data: schemaRef(`${pascalName(topic)}Data`),
    },
  };
}

const messageBindings = (topic: Topic) => ({
  kafka: { key: keySchema(topic), bindingVersion: KAFKA_BINDING_VERSION },
});

export function eventMessage(topic: Topic): Record<string, unknown> {
  return {
    name: pascalName(topic),
    title: topic,
    summary: `The envelope of one \`${topic}\` event, as UTF-8 JSON.`,
    contentType: EVENT_CONTENT_TYPE,
    headers: headersSchema(topic),
    payload: schemaRef(`${pascalName(topic)}Envelope`),
    correlationId: {
      description:
        'Follows one request across services: the W3C trace id of the request that started the change.',
      location: '$message.payload#/correlationId',
    },
    bindings: messageBindings(topic),
  };
}

export function deadLetterMessage(topic: Topic): Record<string, unknown> {
  return {
    name: `${pascalName(topic)}DeadLetter`,
    title: dlqTopic(topic),
    summary: `A \`${topic}\` message one of this suite's consumer groups gave up on.`,
    description:
      'The value and key are exactly the bytes the consumer read: normally the envelope below, but a message parked for failing validation (`dlq-error` says so) may match no schema at all.',
    contentType: EVENT_CONTENT_TYPE,
    headers: deadLetterHeadersSchema(topic),
    payload: schemaRef(`${pascalName(topic)}Envelope`),
    bindings: messageBindings(topic),
  };
}

/** The reusable schemas: the headers, then each topic's data and envelope. */
export function schemaComponents(topics: readonly Topic[]): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = { ...HEADER_SCHEMAS };
  for (const topic of topics) {
    schemas[`${pascalName(topic)}Data`] = dataSchema(topic);
    schemas[`${pascalName(topic)}Envelope`] = envelopeSchema(topic);
  }
  return schemas;
}
