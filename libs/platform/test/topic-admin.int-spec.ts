import { TOPICS, dlqTopic } from '@rendezvous/contracts';
import { testKafka, uniqueName } from '@rendezvous/testing';
import { ConfigResourceTypes, ConfigSource } from 'kafkajs';
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

  it('makes an existing topic compacted when the contracts say so, keeping its other overrides', async () => {
    // A cluster from before user.status_changed was compacted; the topic is put back after.
    const topic = TOPICS.USER_STATUS_CHANGED;
    const settings = { partitions: 6, replicationFactor: 1 };
    await ensureTopics(kafka, [topic], settings);
    const admin = kafka.admin();
    await admin.connect();
    const resource = { type: ConfigResourceTypes.TOPIC, name: topic };
    const overrides = async () => {
      const [described] = (
        await admin.describeConfigs({ includeSynonyms: false, resources: [resource] })
      ).resources;
      return Object.fromEntries(
        described.configEntries
          .filter((entry) => entry.configSource === ConfigSource.TOPIC_CONFIG)
          .map((entry) => [entry.configName, entry.configValue]),
      );
    };
    try {
      await admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            ...resource,
            configEntries: [
              { name: 'cleanup.policy', value: 'delete' },
              { name: 'max.message.bytes', value: '1048600' },
            ],
          },
        ],
      });

      await ensureTopics(kafka, [topic], settings);

      expect(await overrides()).toMatchObject({
        'cleanup.policy': 'compact',
        'max.message.bytes': '1048600',
      });
    } finally {
      await admin.alterConfigs({
        validateOnly: false,
        resources: [{ ...resource, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
      });
      await admin.disconnect();
    }
  });
});
