import type { Kafka } from 'kafkajs';
import {
  COMPACTED_TOPICS,
  DLQ_PARTITIONS,
  DLQ_RETENTION_MS,
  dlqTopic,
} from '@rendezvous/contracts';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

const ATTEMPTS = 5;
const compacted = new Set<string>(COMPACTED_TOPICS);

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
  const wanted = [
    ...topics.map((topic) => ({
      topic,
      numPartitions: settings.partitions,
      ...(compacted.has(topic)
        ? { configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }
        : {}),
    })),
    ...topics.map((topic) => ({
      topic: dlqTopic(topic),
      numPartitions: DLQ_PARTITIONS,
      configEntries: [{ name: 'retention.ms', value: String(DLQ_RETENTION_MS) }],
    })),
  ].map((t) => ({ ...t, replicationFactor: settings.replicationFactor }));
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter(({ topic }) => !existing.has(topic));
      if (missing.length === 0) return;
      try {
        await admin.createTopics({ waitForLeaders: true, timeout: 30_000, topics: missing });
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
