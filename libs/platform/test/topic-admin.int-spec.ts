import { dlqTopic } from '@rendezvous/contracts';
import { testKafka, uniqueName } from '@rendezvous/testing';
import { ConfigResourceTypes } from 'kafkajs';
import { ensureTopics } from '../src';

describe(ensureTopics.name, () => {
  const kafka = testKafka();

  it('creates topics with their DLQs, and copes with replicas creating overlapping sets at once', async () => {
    const topics = [uniqueName('it.topics'), uniqueName('it.topics'), uniqueName('it.topics')];
    const settings = { partitions: 2, replicationFactor: 1 };
    await Promise.all([
      ensureTopics(kafka, topics, settings),
      ensureTopics(kafka, topics.slice(1), settings),
      ensureTopics(kafka, [topics[2], topics[0]], settings),
    ]);
    await ensureTopics(kafka, topics, settings);

    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({
        topics: [...topics, ...topics.map(dlqTopic)],
      });
      const partitions = Object.fromEntries(metadata.map((t) => [t.name, t.partitions.length]));
      for (const topic of topics) {
        expect(partitions[topic]).toBe(2);
        expect(partitions[dlqTopic(topic)]).toBe(1);
      }
      expect(metadata.every((t) => t.partitions.every((p) => p.leader >= 0))).toBe(true);
      const [dlqConfig] = (
        await admin.describeConfigs({
          includeSynonyms: false,
          resources: [
            {
              type: ConfigResourceTypes.TOPIC,
              name: dlqTopic(topics[0]),
              configNames: ['retention.ms'],
            },
          ],
        })
      ).resources;
      expect(dlqConfig.configEntries[0].configValue).toBe(String(14 * 24 * 60 * 60 * 1000));
    } finally {
      await admin.disconnect();
    }
  });
});
