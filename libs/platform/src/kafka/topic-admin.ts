import type { Admin, Kafka } from 'kafkajs';
import { ConfigResourceTypes, ConfigSource } from 'kafkajs';
import type { Topic } from '@rendezvous/contracts';
import {
  COMPACTED_TOPICS,
  DLQ_PARTITIONS,
  SHORT_RETENTION_MS,
  dlqRetentionMs,
  dlqTopic,
} from '@rendezvous/contracts';
import { topicConfigChange } from './topic-config';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

const ATTEMPTS = 5;
const compacted = new Set<string>(COMPACTED_TOPICS);
const COMPACTED_SEGMENT_MS = 60 * 60 * 1000;

function topicConfig(topic: string): { name: string; value: string }[] {
  const retentionMs = SHORT_RETENTION_MS[topic as Topic];
  return [
    ...(compacted.has(topic)
      ? [
          { name: 'cleanup.policy', value: 'compact' },
          // Only closed segments are compacted: an hour's keeps a topic read back in full (the
          // gateway's stats.reported, every service each minute) from growing for a week.
          { name: 'segment.ms', value: String(COMPACTED_SEGMENT_MS) },
        ]
      : []),
    ...(retentionMs === undefined ? [] : [{ name: 'retention.ms', value: String(retentionMs) }]),
  ];
}

/**
 * Brings each topic's configuration to what `wanted` says (compacted, a shorter retention), so a
 * topic created before a setting changed gets it too; only topics that differ are altered.
 */
async function reconcileConfigs(admin: Admin, wanted: readonly WantedTopic[]): Promise<void> {
  const configured = wanted.filter(({ configEntries }) => configEntries.length > 0);
  if (configured.length === 0) return;
  const { resources: described } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: configured.map(({ topic }) => ({ type: ConfigResourceTypes.TOPIC, name: topic })),
  });
  const resources = configured.flatMap(({ topic, configEntries }) => {
    const current = (described.find((r) => r.resourceName === topic)?.configEntries ?? []).map(
      (entry) => ({
        name: entry.configName,
        value: entry.configValue,
        topicOverride: entry.configSource === ConfigSource.TOPIC_CONFIG,
      }),
    );
    const change = topicConfigChange(current, configEntries);
    return change ? [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: change }] : [];
  });
  if (resources.length > 0) await admin.alterConfigs({ validateOnly: false, resources });
}

interface WantedTopic {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
  configEntries: { name: string; value: string }[];
}

/**
 * Creates the topics and their DLQs up front (auto-creation is off) and waits for leaders,
 * so the first produce or group join does not race topic creation. Idempotent, and safe when
 * several services or replicas create overlapping sets at the same moment: whatever another
 * one created in between is simply no longer missing on the next attempt.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  settings: TopicSettings,
): Promise<void> {
  const wanted: WantedTopic[] = [
    ...topics.map((topic) => ({
      topic,
      numPartitions: settings.partitions,
      configEntries: topicConfig(topic),
    })),
    ...topics.map((topic) => ({
      topic: dlqTopic(topic),
      numPartitions: DLQ_PARTITIONS,
      configEntries: [{ name: 'retention.ms', value: String(dlqRetentionMs(topic)) }],
    })),
  ].map((t) => ({ ...t, replicationFactor: settings.replicationFactor }));
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter(({ topic }) => !existing.has(topic));
      try {
        if (missing.length > 0) {
          await admin.createTopics({ waitForLeaders: true, timeout: 30_000, topics: missing });
        }
        await reconcileConfigs(admin, wanted);
        return;
      } catch (error) {
        if (attempt >= ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
