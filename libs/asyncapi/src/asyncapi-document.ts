import type { ServiceName, Topic } from '@rendezvous/contracts';
import {
  ALL_TOPICS,
  DLQ_PARTITIONS,
  SHORT_RETENTION_MS,
  TOPIC_ORIGINS,
  dlqRetentionMs,
  dlqTopic,
} from '@rendezvous/contracts';
import {
  KAFKA_BINDING_VERSION,
  channelId,
  deadLetterMessage,
  deadLetterMessageId,
  dlqChannelId,
  eventMessage,
  schemaComponents,
} from './asyncapi-messages';
import type { Subscriptions } from './asyncapi-operations';
import { consumersOf, topicOperations } from './asyncapi-operations';

/** How the deployment creates its topics (`KAFKA_PARTITIONS`, `KAFKA_REPLICATION_FACTOR`). */
export interface KafkaTopology {
  partitions: number;
  replicationFactor: number;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

const duration = (ms: number) =>
  ms > DAY_MS && ms % DAY_MS === 0 ? `${ms / DAY_MS} days` : `${ms / HOUR_MS} hours`;

export const DEFAULT_TOPOLOGY: KafkaTopology = { partitions: 6, replicationFactor: 1 };

export interface AsyncApiOptions {
  topology?: KafkaTopology;
  /** The suite's consumer groups, documented as `receive` operations; none when left out. */
  subscriptions?: Subscriptions;
}

const DESCRIPTION = [
  'The Kafka events of the Rendezvous suite, generated from `libs/contracts`.',
  '',
  "**For other teams.** Subscribe to any channel below with your own consumer group (never one of the suite's service names). The `send` operations are what the suite publishes, by which service (the envelope's `source`); the `receive` operations are the suite's own consumer groups, listed so you know who else depends on a topic: your group gets every message independently of theirs. The `.dlq` channels are for operators, not for consuming events.",
  '',
  "- One topic per event type, named as the type. The message key is the aggregate id (`aggregateId`), so one aggregate's events stay in order within a topic; there is no order across topics.",
  '- The value is one JSON envelope; `traceparent`, `event-type` and `content-type` (`application/json`) travel as headers on every message.',
  "- Delivery is at least once: drop repeats by the envelope's `id`. `aggregateVersion` rises by one with every change of the aggregate and events carry the state you need, so apply an event only when it is newer than what you hold; a deletion is a tombstone.",
  '- `data` schemas are closed (`additionalProperties: false`): a producer never adds a field to an existing `schemaVersion`. A breaking change is a new `schemaVersion` on a new topic (`match.created.v2`), published beside the old one while consumers move.',
  '- A consumer of the suite that gives up on a message (invalid, or still failing after its retries) parks it in `<topic>.dlq` with the reason in `dlq-*` headers.',
].join('\n');

/** The services, as operation tags. */
const SERVICE_TAGS = [
  {
    name: 'gateway',
    description: 'Turns events into notifications, admin counters and token refusals.',
  },
  {
    name: 'user',
    description:
      'People, profiles, timeslots, connections, blocks, reports, standing and the audit log.',
  },
  { name: 'event', description: 'Events, registrations and waitlists.' },
  { name: 'matching', description: 'Swipes, matches and the topic queue.' },
  { name: 'proximity', description: 'Live proximity sessions and nudges.' },
  { name: 'reco', description: 'Venues, interactions and recommendations.' },
  { name: 'booking-agent', description: 'Plans and venue bookings.' },
] satisfies { name: ServiceName; description: string }[];

const SERVERS = {
  local: {
    host: '127.0.0.1:9092',
    protocol: 'kafka',
    title: 'Local broker',
    description:
      'The single-node KRaft broker of `tools/kafka/kafka.sh`, used by `npm start` and the tests.',
  },
  production: {
    host: '{broker}',
    protocol: 'kafka',
    title: 'A deployment’s brokers',
    description:
      'Any broker of the deployment’s `KAFKA_BROKERS` (the Helm value `kafka.brokers`). Plaintext: the services have no SASL or TLS settings for Kafka yet, so reach the brokers from inside the deployment’s network.',
    variables: {
      broker: {
        default: 'kafka:9092',
        description: 'One bootstrap broker, `host:port`.',
        examples: ['kafka-0.kafka.example.internal:9092'],
      },
    },
  },
};

function channels(
  topic: Topic,
  topology: KafkaTopology,
  subscriptions: Subscriptions,
): Record<string, unknown> {
  const { producers, key } = TOPIC_ORIGINS[topic];
  const consumers = consumersOf(subscriptions, topic);
  const consumed = consumers.length
    ? `Consumed in the suite by ${consumers.join(', ')}.`
    : 'No service of the suite consumes it: it is published for other teams.';
  const retentionMs = SHORT_RETENTION_MS[topic];
  const retention = retentionMs === undefined ? '' : ` Kept ${duration(retentionMs)} at most.`;
  const dlqRetention = dlqRetentionMs(topic);
  return {
    [channelId(topic)]: {
      address: topic,
      title: topic,
      description: `Published by ${producers.join(' and ')}; keyed by ${key}. ${consumed}${retention}`,
      messages: { [channelId(topic)]: { $ref: `#/components/messages/${channelId(topic)}` } },
      bindings: {
        kafka: {
          topic,
          partitions: topology.partitions,
          replicas: topology.replicationFactor,
          ...(retentionMs === undefined
            ? {}
            : { topicConfiguration: { 'retention.ms': retentionMs } }),
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    },
    [dlqChannelId(topic)]: {
      address: dlqTopic(topic),
      title: dlqTopic(topic),
      description: `Dead letters of ${topic}: what a consumer group of the suite gave up on, kept ${duration(dlqRetention)}.`,
      messages: {
        [deadLetterMessageId(topic)]: {
          $ref: `#/components/messages/${deadLetterMessageId(topic)}`,
        },
      },
      bindings: {
        kafka: {
          topic: dlqTopic(topic),
          partitions: DLQ_PARTITIONS,
          replicas: topology.replicationFactor,
          topicConfiguration: { 'retention.ms': dlqRetention },
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    },
  };
}

/**
 * The Kafka events for other teams, as an AsyncAPI 3 document generated from the contracts:
 * a channel per topic and per DLQ, the suite's producers and consumer groups as operations,
 * each message the envelope with that event's `data` schema, headers and key.
 */
export function asyncApiDocument({
  topology = DEFAULT_TOPOLOGY,
  subscriptions = {},
}: AsyncApiOptions = {}): Record<string, unknown> {
  const document = {
    asyncapi: '3.0.0',
    info: {
      title: 'Rendezvous events',
      version: '1',
      description: DESCRIPTION,
      tags: SERVICE_TAGS,
    },
    servers: SERVERS,
    defaultContentType: 'application/json',
    channels: Object.assign(
      {},
      ...ALL_TOPICS.map((topic) => channels(topic, topology, subscriptions)),
    ) as Record<string, unknown>,
    operations: Object.assign(
      {},
      ...ALL_TOPICS.map((topic) => topicOperations(topic, subscriptions)),
    ) as Record<string, unknown>,
    components: {
      schemas: schemaComponents(ALL_TOPICS),
      messages: Object.fromEntries(
        ALL_TOPICS.flatMap((topic) => [
          [channelId(topic), eventMessage(topic)],
          [deadLetterMessageId(topic), deadLetterMessage(topic)],
        ]),
      ),
    },
  };
  // Plain data without shared objects, so YAML writes no anchors and aliases.
  return JSON.parse(JSON.stringify(document)) as Record<string, unknown>;
}
