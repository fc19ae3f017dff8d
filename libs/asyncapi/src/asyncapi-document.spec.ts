import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import type { JsonSchema } from '@rendezvous/contracts';
import {
  ALL_TOPICS,
  dlqRetentionMs,
  EVENT_HEADERS,
  EVENT_SCHEMAS,
  TOPICS,
  TOPIC_ORIGINS,
  dlqTopic,
} from '@rendezvous/contracts';
import { asyncApiDocument } from './asyncapi-document';
import { channelId, deadLetterMessageId, dlqChannelId, pascalName } from './asyncapi-messages';
import type { Subscriptions } from './asyncapi-operations';

interface Schema {
  type?: string;
  const?: unknown;
  default?: unknown;
  enum?: unknown[];
  format?: string;
  required?: string[];
  additionalProperties?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  $ref?: string;
}
interface Message {
  headers: Schema;
  payload: Schema;
  bindings: { kafka: { key: Schema } };
}
interface Channel {
  address: string;
  messages: Record<string, { $ref: string }>;
  bindings: {
    kafka: {
      topic: string;
      partitions: number;
      replicas: number;
      topicConfiguration?: Record<string, unknown>;
    };
  };
}
interface Operation {
  action: 'send' | 'receive';
  channel: { $ref: string };
  messages: { $ref: string }[];
  bindings: { kafka: { groupId?: Schema; clientId: Schema } };
}
interface Document {
  servers: Record<string, { protocol: string }>;
  channels: Record<string, Channel>;
  operations: Record<string, Operation>;
  components: { schemas: Record<string, Schema>; messages: Record<string, Message> };
}

const subscriptions: Subscriptions = { gateway: ALL_TOPICS, reco: [TOPICS.MATCH_CREATED] };
const document = asyncApiDocument({
  topology: { partitions: 12, replicationFactor: 3 },
  subscriptions,
}) as unknown as Document;
const operationsOn = (channel: string, action: Operation['action']) =>
  Object.values(document.operations).filter(
    (op) => op.action === action && op.channel.$ref === `#/channels/${channel}`,
  );

/** Object schemas inside `schema` that allow fields they do not declare. */
/** Objects that take fields they do not name without saying so (`additionalProperties: true`). */
function openObjects(schema: Schema, path = 'data'): string[] {
  const open =
    schema.type === 'object' &&
    schema.additionalProperties !== false &&
    schema.additionalProperties !== true
      ? [path]
      : [];
  return [
    ...open,
    ...Object.entries(schema.properties ?? {}).flatMap(([key, s]) =>
      openObjects(s, `${path}.${key}`),
    ),
    ...(schema.items ? openObjects(schema.items, `${path}[]`) : []),
    ...(schema.anyOf ?? []).flatMap((s) => openObjects(s, path)),
  ];
}

describe(asyncApiDocument.name, () => {
  it('is a valid AsyncAPI document: the parser reports no error', async () => {
    const diagnostics = await new Parser().validate(JSON.stringify(document));
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
  });

  it('names Kafka servers', () => {
    expect(Object.values(document.servers).map((s) => s.protocol)).toEqual(['kafka', 'kafka']);
  });

  it.each(ALL_TOPICS)('documents %s: channel, DLQ, producers and its consumer groups', (topic) => {
    const id = channelId(topic);
    const channel = document.channels[id];
    expect(channel.address).toBe(topic);
    expect(channel.bindings.kafka).toMatchObject({ topic, partitions: 12, replicas: 3 });

    const dlq = document.channels[dlqChannelId(topic)];
    expect(dlq.address).toBe(dlqTopic(topic));
    expect(dlq.bindings.kafka).toMatchObject({
      topic: dlqTopic(topic),
      partitions: 1,
      replicas: 3,
      topicConfiguration: { 'retention.ms': dlqRetentionMs(topic) },
    });

    const sends = operationsOn(id, 'send');
    expect(sends.map((op) => op.bindings.kafka.clientId.const)).toEqual(
      TOPIC_ORIGINS[topic].producers,
    );
    const receives = operationsOn(id, 'receive');
    expect(receives.map((op) => op.bindings.kafka.clientId.const)).toEqual(
      topic === TOPICS.MATCH_CREATED ? ['gateway', 'reco'] : ['gateway'],
    );
    for (const op of receives) {
      expect(op.bindings.kafka.groupId?.default).toBe(op.bindings.kafka.clientId.const);
      // Whoever consumes it parks what it gives up on.
      expect(
        operationsOn(dlqChannelId(topic), 'send').map((dl) => dl.bindings.kafka.clientId.const),
      ).toContain(op.bindings.kafka.clientId.const);
    }
  });

  it.each(ALL_TOPICS)('describes the %s message: key, required headers, closed data', (topic) => {
    const message = document.components.messages[channelId(topic)];
    const key = message.bindings.kafka.key;
    expect(key.type).toBe('string');
    expect(key.format).toBe(TOPIC_ORIGINS[topic].uuidKey ? 'uuid' : undefined);
    expect(message.headers.required).toEqual(['traceparent', 'event-type', 'content-type']);
    expect(message.headers.properties?.['event-type'].const).toBe(topic);

    const envelope = document.components.schemas[`${pascalName(topic)}Envelope`];
    expect(message.payload.$ref).toBe(`#/components/schemas/${pascalName(topic)}Envelope`);
    expect(envelope.additionalProperties).toBe(false);
    expect(envelope.properties?.type.const).toBe(topic);
    expect(envelope.properties?.source.enum).toEqual(TOPIC_ORIGINS[topic].producers);
    const data = document.components.schemas[`${pascalName(topic)}Data`];
    // The document is plain JSON: compare without a schema builder's symbol-keyed metadata.
    expect(data).toEqual(JSON.parse(JSON.stringify(EVENT_SCHEMAS[topic]?.data)));
    expect(openObjects(data as JsonSchema as Schema)).toEqual([]);
  });

  it.each(ALL_TOPICS)('describes the %s dead letter with its dlq-* headers', (topic) => {
    const message = document.components.messages[deadLetterMessageId(topic)];
    expect(message.headers.required).toEqual([
      EVENT_HEADERS.DLQ_ERROR,
      EVENT_HEADERS.DLQ_SOURCE_TOPIC,
      EVENT_HEADERS.DLQ_SOURCE_PARTITION,
      EVENT_HEADERS.DLQ_SOURCE_OFFSET,
      EVENT_HEADERS.DLQ_CONSUMER_GROUP,
    ]);
    expect(message.headers.properties?.[EVENT_HEADERS.DLQ_SOURCE_TOPIC].const).toBe(topic);
    expect(message.payload).toEqual(document.components.messages[channelId(topic)].payload);
    expect(message.bindings.kafka.key).toEqual(
      document.components.messages[channelId(topic)].bindings.kafka.key,
    );
  });

  it('resolves every reference: each channel has its send operations in the parsed model', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
    const sentOn = new Set(
      parsed
        ?.operations()
        .filterBySend()
        .flatMap((op) =>
          op
            .channels()
            .all()
            .map((channel) => channel.address()),
        ),
    );
    for (const topic of ALL_TOPICS) expect(sentOn).toContain(topic);
  });
});
