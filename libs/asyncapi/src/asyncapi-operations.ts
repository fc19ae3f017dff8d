import type { ServiceName, Topic } from '@rendezvous/contracts';
import { SERVICES, TOPIC_ORIGINS, dlqTopic } from '@rendezvous/contracts';
import {
  KAFKA_BINDING_VERSION,
  channelId,
  deadLetterMessageId,
  dlqChannelId,
} from './asyncapi-messages';

/** The topics each service consumes as one consumer group (the gateway knows its handlers). */
export type Subscriptions = Partial<Readonly<Record<ServiceName, readonly Topic[]>>>;

/** The services whose consumer groups read `topic`. */
export function consumersOf(subscriptions: Subscriptions, topic: Topic): ServiceName[] {
  return SERVICES.filter((service) => subscriptions[service]?.includes(topic));
}

const operationId = (service: ServiceName, verb: string, topic: string) =>
  `${service.replace(/-/g, '_')}_${verb}_${channelId(topic)}`;

const messageRef = (channel: string, message: string) => ({
  $ref: `#/channels/${channel}/messages/${message}`,
});

/** Every service connects to Kafka with its name as the client id. */
const clientId = (service: ServiceName) => ({ type: 'string', const: service });

/**
 * What the suite does with each topic: the services that publish it (`send`), those that
 * consume it as their own consumer group (`receive`), and those consumers parking what they
 * give up on in the topic's DLQ (`send` on `<topic>.dlq`).
 */
export function topicOperations(
  topic: Topic,
  subscriptions: Subscriptions,
): Record<string, unknown> {
  const operations: Record<string, unknown> = {};
  const channel = { $ref: `#/channels/${channelId(topic)}` };
  const message = messageRef(channelId(topic), channelId(topic));
  for (const service of TOPIC_ORIGINS[topic].producers) {
    operations[operationId(service, 'sends', topic)] = {
      action: 'send',
      channel,
      title: `${service} publishes ${topic}`,
      summary: `From the ${service} service's outbox, after the change commits; in commit order per key.`,
      messages: [message],
      bindings: { kafka: { clientId: clientId(service), bindingVersion: KAFKA_BINDING_VERSION } },
      tags: [{ name: service }],
    };
  }
  for (const service of consumersOf(subscriptions, topic)) {
    operations[operationId(service, 'receives', topic)] = {
      action: 'receive',
      channel,
      title: `${service} consumes ${topic}`,
      summary: `The ${service} service applies it once (inbox), retrying a failing handler with backoff before parking the message in ${dlqTopic(topic)}.`,
      messages: [message],
      bindings: {
        kafka: {
          groupId: {
            type: 'string',
            default: service,
            description:
              'The service name, unless its `KAFKA_CONSUMER_GROUP` setting says otherwise.',
          },
          clientId: clientId(service),
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
      tags: [{ name: service }],
    };
    operations[operationId(service, 'dead_letters', topic)] = {
      action: 'send',
      channel: { $ref: `#/channels/${dlqChannelId(topic)}` },
      title: `${service} parks ${topic} it gave up on`,
      summary:
        'A message that fails validation at once, one whose handler keeps failing after its retries.',
      messages: [messageRef(dlqChannelId(topic), deadLetterMessageId(topic))],
      bindings: { kafka: { clientId: clientId(service), bindingVersion: KAFKA_BINDING_VERSION } },
      tags: [{ name: service }],
    };
  }
  return operations;
}
