import { Controller, Module } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dlqTopic } from '@rendezvous/contracts';
import { testKafka, uniqueName } from '@rendezvous/testing';
import { PlatformConfig, PlatformModule, createApp, startApp } from '../src';

// A topic no broker has seen yet, as on a first deployment against an empty Kafka.
const topic = uniqueName('it.first-start');

@Controller()
class FirstStartConsumer {
  @EventPattern(topic)
  handle(_event: unknown): void {
    return undefined;
  }
}

class TestConfig extends PlatformConfig {}

@Module({
  imports: [PlatformModule.forRoot({ service: 'reco', config: TestConfig, topics: [topic] })],
  controllers: [FirstStartConsumer],
})
class TestAppModule {}

describe(startApp.name, () => {
  let app: NestFastifyApplication | undefined;

  afterAll(async () => {
    await app?.close();
    for (const key of ['PORT', 'LOG_LEVEL', 'KAFKA_CONSUMER_GROUP']) delete process.env[key];
  });

  it('creates missing topics before the consumer subscribes to them, then serves', async () => {
    process.env['PORT'] = '0';
    process.env['LOG_LEVEL'] = 'silent';
    process.env['KAFKA_CONSUMER_GROUP'] = uniqueName('it-first-start');
    app = await createApp(TestAppModule);
    await startApp(app);

    const admin = testKafka().admin();
    await admin.connect();
    try {
      const topics = await admin.listTopics();
      expect(topics).toEqual(expect.arrayContaining([topic, dlqTopic(topic)]));
    } finally {
      await admin.disconnect();
    }
    const live = await app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
  });
});
