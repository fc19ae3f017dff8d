import type { JsonSchema, Topic } from '@rendezvous/contracts';
import { ALL_TOPICS, ENVELOPE_SCHEMA, EVENT_SCHEMAS, dlqTopic } from '@rendezvous/contracts';

const channelId = (topic: string) => topic.replace(/\./g, '_');

/**
 * The Kafka events for other teams, as an AsyncAPI 3 document generated from the contracts:
 * one channel per topic, each message the envelope with that event's `data` schema.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const topic of ALL_TOPICS) {
    const id = channelId(topic);
    const registered = EVENT_SCHEMAS[topic as Topic];
    const data: JsonSchema = registered?.data ?? {
      type: 'object',
      description: 'Schema not published yet',
    };
    messages[id] = {
      name: topic,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          traceparent: { type: 'string', description: 'W3C trace context' },
          'event-type': { type: 'string', const: topic },
        },
      },
      payload: {
        ...ENVELOPE_SCHEMA,
        $id: undefined,
        properties: {
          ...ENVELOPE_SCHEMA.properties,
          type: { type: 'string', const: topic },
          schemaVersion: { type: 'integer', const: registered?.schemaVersion ?? 1 },
          data,
        },
      },
    };
    channels[id] = {
      address: topic,
      description: `Key: the aggregate id. Failed messages of consumers go to ${dlqTopic(topic)}.`,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
    operations[`receive_${id}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${id}` },
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Rendezvous events',
      version: '1',
      description:
        'One topic per event type; the message key is the aggregate id. Apply an event only when its aggregateVersion is newer than what you hold.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages: JSON.parse(JSON.stringify(messages)) as Record<string, unknown> },
  };
}
