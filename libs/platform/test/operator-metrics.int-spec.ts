import { randomUUID } from 'node:crypto';
import { createTestDatabase, testKafka, testRedis, uniqueName, waitFor } from '@rendezvous/testing';
import type Redis from 'ioredis';
import type { Admin, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { PlatformMetrics, ensureTopics } from '../src';
import { ConsumerLagReader } from '../src/metrics/consumer-lag';
import type { OutboxBacklogReads } from '../src/metrics/outbox-metrics';
import { OutboxMetrics, postgresOutboxBacklog } from '../src/metrics/outbox-metrics';
import { redisOutboxBacklog } from '../src/redis/redis-outbox-backlog';
import { platformDataSource } from './platform-data-source';

async function gaugeValues(
  metrics: PlatformMetrics,
  name: string,
): Promise<{ labels: Partial<Record<string, string | number>>; value: number }[]> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  return (await metric.get()).values;
}

describe('metrics operators alert on', () => {
  describe(OutboxMetrics.name, () => {
    let database: { name: string; drop: () => Promise<void> };
    let dataSource: DataSource;

    beforeAll(async () => {
      database = await createTestDatabase();
      dataSource = await platformDataSource(database.name);
    });

    afterAll(async () => {
      await dataSource.destroy();
      await database.drop();
    });

    it('reports an empty outbox as no backlog and no age', async () => {
      const metrics = new PlatformMetrics('test');
      new OutboxMetrics(metrics, { postgres: postgresOutboxBacklog(dataSource) });
      expect(await gaugeValues(metrics, 'outbox_backlog')).toMatchObject([
        { labels: { outbox: 'postgres' }, value: 0 },
      ]);
      expect(await gaugeValues(metrics, 'outbox_oldest_age_seconds')).toMatchObject([
        { labels: { outbox: 'postgres' }, value: 0 },
      ]);
    });

    it('counts unpublished rows and the age of the oldest', async () => {
      for (const ageSeconds of [90, 5]) {
        await dataSource.query(
          `INSERT INTO outbox (event_id, topic, message_key, envelope, created_at)
           VALUES ($1, 'it.metrics', 'k', '{}', now() - make_interval(secs => $2))`,
          [randomUUID(), ageSeconds],
        );
      }
      const metrics = new PlatformMetrics('test');
      new OutboxMetrics(metrics, { postgres: postgresOutboxBacklog(dataSource) });
      expect(await gaugeValues(metrics, 'outbox_backlog')).toMatchObject([{ value: 2 }]);
      const [age] = await gaugeValues(metrics, 'outbox_oldest_age_seconds');
      expect(age?.value).toBeGreaterThanOrEqual(90);
      expect(age?.value).toBeLessThan(120);
    });
  });

  describe(`${OutboxMetrics.name} of a Redis Stream outbox`, () => {
    const streams: string[] = [];
    let redis: Redis;

    // A fresh registry per reading, so no cached read carries over.
    async function readings(
      reads: OutboxBacklogReads,
    ): Promise<{ backlog: Record<string, number>; oldestAgeSeconds: Record<string, number> }> {
      const metrics = new PlatformMetrics('test');
      new OutboxMetrics(metrics, reads);
      const byOutbox = async (name: string) =>
        Object.fromEntries(
          (await gaugeValues(metrics, name)).map(({ labels, value }) => [labels.outbox, value]),
        );
      return {
        backlog: await byOutbox('outbox_backlog'),
        oldestAgeSeconds: await byOutbox('outbox_oldest_age_seconds'),
      };
    }

    // Entries appended the given seconds ago by the Redis clock (an entry id is that clock in ms).
    async function streamAged(
      ...agesSeconds: number[]
    ): Promise<{ stream: string; ids: string[] }> {
      const stream = uniqueName('outbox:it-metrics');
      streams.push(stream);
      const [seconds] = await redis.time();
      const ids: string[] = [];
      for (const ageSeconds of agesSeconds) {
        const id = `${Number(seconds) * 1_000 - ageSeconds * 1_000}-0`;
        ids.push((await redis.xadd(stream, id, 'topic', 'it.metrics', 'key', 'k')) ?? id);
      }
      return { stream, ids };
    }

    beforeAll(() => {
      redis = testRedis();
    });

    afterAll(async () => {
      await redis.del(...streams);
      await redis.quit();
    });

    it('reports a stream that does not exist yet as no backlog and no age', async () => {
      expect(
        await readings({ redis: redisOutboxBacklog(redis, uniqueName('outbox:it-none')) }),
      ).toEqual({ backlog: { redis: 0 }, oldestAgeSeconds: { redis: 0 } });
    });

    it('counts the entries left in the stream and the age of the oldest by the Redis clock', async () => {
      const { stream, ids } = await streamAged(90, 5);
      const before = await readings({ redis: redisOutboxBacklog(redis, stream) });
      expect(before.backlog).toEqual({ redis: 2 });
      expect(before.oldestAgeSeconds.redis).toBeGreaterThanOrEqual(90);
      expect(before.oldestAgeSeconds.redis).toBeLessThan(120);

      // The relay deletes what Kafka has: the backlog and the age drop to what is left.
      await redis.xdel(stream, ids[0]);
      const after = await readings({ redis: redisOutboxBacklog(redis, stream) });
      expect(after.backlog).toEqual({ redis: 1 });
      expect(after.oldestAgeSeconds.redis).toBeGreaterThanOrEqual(5);
      expect(after.oldestAgeSeconds.redis).toBeLessThan(30);
    });

    it('keeps the Postgres and the Redis outbox of one service apart by the outbox label', async () => {
      const { stream } = await streamAged(40);
      const both = await readings({
        postgres: () => Promise.resolve({ entries: 3, oldestAgeSeconds: 12 }),
        redis: redisOutboxBacklog(redis, stream),
      });
      expect(both.backlog).toEqual({ postgres: 3, redis: 1 });
      expect(both.oldestAgeSeconds.postgres).toBe(12);
      expect(both.oldestAgeSeconds.redis).toBeGreaterThanOrEqual(40);
      expect(both.oldestAgeSeconds.redis).toBeLessThan(70);
    });
  });

  describe(ConsumerLagReader.name, () => {
    const kafka = testKafka();
    const topic = uniqueName('it.lag');
    const groupId = uniqueName('it-lag-group');
    const metrics = new PlatformMetrics('test');
    const errors: unknown[] = [];
    let admin: Admin;
    let producer: Producer;
    let reader: ConsumerLagReader;

    const lagOf = async (): Promise<number | undefined> =>
      (await gaugeValues(metrics, 'kafka_consumer_lag')).find(
        (v) => v.labels.group === groupId && v.labels.topic === topic,
      )?.value;

    beforeAll(async () => {
      await ensureTopics(kafka, [topic], { partitions: 3, replicationFactor: 1 });
      admin = kafka.admin();
      await admin.connect();
      producer = kafka.producer();
      await producer.connect();
      reader = new ConsumerLagReader({
        kafka,
        groupId,
        topics: [topic],
        metrics,
        onError: (error) => errors.push(error),
        refreshMs: 0,
      });
    });

    afterAll(async () => {
      await reader.close();
      await producer.disconnect();
      await admin.disconnect();
    });

    it('counts every message of a topic the group has not committed on', async () => {
      await producer.send({
        topic,
        messages: Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: 'x' })),
      });
      await waitFor(async () => (await lagOf()) === 5, { message: 'a lag of 5' });
      // A broker that has just created the offsets topic answers "coordinator is loading" for a
      // moment: retriable, and read again at the next scrape. Anything else is a failure.
      const retriable = (error: unknown) => (error as { retriable?: boolean }).retriable === true;
      expect(errors.filter((error) => !retriable(error))).toEqual([]);
    });

    it('drops to the messages past the committed offsets, and leaves the gauge once closed', async () => {
      const ends = await admin.fetchTopicOffsets(topic);
      // Commit one short of the end on the partition holding the most messages.
      const fullest = ends.reduce((a, b) => (Number(b.high) > Number(a.high) ? b : a));
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map((e) => ({
          partition: e.partition,
          offset: e === fullest ? String(Number(e.high) - 1) : e.high,
        })),
      });
      await waitFor(async () => (await lagOf()) === 1, { message: 'a lag of 1' });
      await reader.close();
      expect(await lagOf()).toBeUndefined();
    });
  });
});
