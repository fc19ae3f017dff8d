import { randomUUID } from 'node:crypto';
import { createTestDatabase, testKafka, uniqueName, waitFor } from '@rendezvous/testing';
import type { Admin, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { PlatformMetrics, ensureTopics } from '../src';
import { ConsumerLagReader } from '../src/metrics/consumer-lag';
import { OutboxMetrics } from '../src/metrics/outbox-metrics';
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
      new OutboxMetrics(metrics, dataSource);
      expect(await gaugeValues(metrics, 'outbox_backlog')).toMatchObject([{ value: 0 }]);
      expect(await gaugeValues(metrics, 'outbox_oldest_age_seconds')).toMatchObject([{ value: 0 }]);
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
      new OutboxMetrics(metrics, dataSource);
      expect(await gaugeValues(metrics, 'outbox_backlog')).toMatchObject([{ value: 2 }]);
      const [age] = await gaugeValues(metrics, 'outbox_oldest_age_seconds');
      expect(age?.value).toBeGreaterThanOrEqual(90);
      expect(age?.value).toBeLessThan(120);
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
