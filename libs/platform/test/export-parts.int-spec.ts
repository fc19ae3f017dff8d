import { randomUUID } from 'node:crypto';
import type { Envelope } from '@rendezvous/contracts';
import { TOPICS, dlqTopic } from '@rendezvous/contracts';
import { anEnvelope, testKafka, testRedis } from '@rendezvous/testing';
import type Redis from 'ioredis';
import { ConfigResourceTypes } from 'kafkajs';
import { answerExportPartFromRedis, ensureTopics, redisInboxKey, redisOutboxStream } from '../src';

const ONE_DAY_MS = String(24 * 60 * 60 * 1000);

describe('personal-data export parts', () => {
  it('keeps export.part and its dead letters one day at most, also where they were kept longer', async () => {
    const kafka = testKafka();
    const topics = [TOPICS.EXPORT_PART, dlqTopic(TOPICS.EXPORT_PART)];
    const settings = { partitions: 6, replicationFactor: 1 };
    await ensureTopics(kafka, [TOPICS.EXPORT_PART], settings);
    const admin = kafka.admin();
    await admin.connect();
    const retention = async () =>
      (
        await admin.describeConfigs({
          includeSynonyms: false,
          resources: topics.map((name) => ({
            type: ConfigResourceTypes.TOPIC,
            name,
            configNames: ['retention.ms'],
          })),
        })
      ).resources.map((r) => [r.resourceName, r.configEntries[0]?.configValue]);
    try {
      // A cluster from before the parts' retention was shortened.
      await admin.alterConfigs({
        validateOnly: false,
        resources: topics.map((name) => ({
          type: ConfigResourceTypes.TOPIC,
          name,
          configEntries: [{ name: 'retention.ms', value: String(14 * Number(ONE_DAY_MS)) }],
        })),
      });

      await ensureTopics(kafka, [TOPICS.EXPORT_PART], settings);

      expect(await retention()).toEqual(topics.map((name) => [name, ONE_DAY_MS]));
    } finally {
      await ensureTopics(kafka, [TOPICS.EXPORT_PART], settings);
      await admin.disconnect();
    }
  });

  describe(answerExportPartFromRedis.name, () => {
    let redis: Redis;
    const stream = redisOutboxStream('proximity');

    beforeAll(() => {
      redis = testRedis();
    });

    afterAll(() => redis.quit());

    it('puts the part on the Redis outbox once, however often the request is delivered', async () => {
      const [exportId, userId] = [randomUUID(), randomUUID()];
      const request = anEnvelope(
        TOPICS.EXPORT_REQUESTED,
        { exportId, userId, requestedAt: new Date().toISOString() },
        { aggregateId: userId },
      );
      const before = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
      try {
        await answerExportPartFromRedis(redis, 'proximity', request, { session: null });
        await answerExportPartFromRedis(redis, 'proximity', request, { session: null });

        const appended = (await redis.xrange(stream, `(${before}`, '+')).filter(([, fields]) =>
          fields.includes(exportId),
        );
        expect(appended).toHaveLength(1);
        const [, fields] = appended[0];
        const field = (name: string) => fields[fields.indexOf(name) + 1];
        expect([field('topic'), field('key')]).toEqual([TOPICS.EXPORT_PART, exportId]);
        const envelope = JSON.parse(field('envelope')) as Envelope;
        expect(envelope).toMatchObject({
          type: TOPICS.EXPORT_PART,
          source: 'proximity',
          aggregateId: exportId,
          data: { exportId, userId, service: 'proximity', part: { session: null } },
        });
        await redis.xdel(stream, appended[0][0]);
      } finally {
        await redis.del(redisInboxKey('proximity', request.id));
      }
    });
  });
});
