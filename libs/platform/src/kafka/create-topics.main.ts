import { Logger } from '@nestjs/common';
import { ALL_TOPICS, dlqTopic } from '@rendezvous/contracts';
import { ConfigError, loadConfig } from '../config/load-config';
import { PlatformConfig } from '../config/platform.config';
import { kafkaSecurity } from '../connections/connection-security';
import { createKafka } from './kafka-client';
import { ensureTopics } from './topic-admin';

/**
 * Creates every topic in contracts and its DLQ with the configured partitions and replication,
 * then exits. The deployments run it before the apps (the Helm chart's hook Job, from any app
 * image: `node dist/libs/platform/src/kafka/create-topics.main.js`); the apps would create
 * missing topics themselves, but with whatever settings the first one to start had.
 */
async function main(): Promise<void> {
  const config = loadConfig(PlatformConfig);
  const logger = new Logger('Topics');
  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: 'rendezvous-topics',
    logger,
    security: kafkaSecurity(config),
  });
  const settings = {
    partitions: config.KAFKA_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
  };
  await ensureTopics(kafka, ALL_TOPICS, settings);
  logger.log(
    `${ALL_TOPICS.length} topics (${settings.partitions} partitions) and their DLQs ` +
      `(${dlqTopic('<topic>')}) present, replication factor ${settings.replicationFactor}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(
      `creating topics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
