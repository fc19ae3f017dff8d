import type { Kafka } from 'kafkajs';
import { dlqTopic } from '@rendezvous/contracts';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

const DLQ_RETENTION_MS = String(14 * 24 * 60 * 60 * 1000);

/**
 * Creates the topics and their DLQs up front (auto-creation is off) and waits for leaders,
 * so the first produce or group join does not race topic creation. Idempotent.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  settings: TopicSettings,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [
      ...topics.map((topic) => ({ topic, numPartitions: settings.partitions })),
      ...topics.map((topic) => ({
        topic: dlqTopic(topic),
        numPartitions: 1,
        configEntries: [{ name: 'retention.ms', value: DLQ_RETENTION_MS }],
      })),
    ].filter(({ topic }) => !existing.has(topic));
    if (wanted.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      timeout: 30_000,
      topics: wanted.map((t) => ({ ...t, replicationFactor: settings.replicationFactor })),
    });
  } catch (error) {
    // Another replica creating the same topics at the same moment is fine.
    if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
  } finally {
    await admin.disconnect();
  }
}
