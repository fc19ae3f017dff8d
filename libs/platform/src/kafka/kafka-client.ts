import type { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import type { KafkaSecurity } from '../connections/connection-security';
import { RepeatFilter } from '../logging/repeat-filter';

const KEPT_MESSAGES = 100;

export interface KafkaClientOptions {
  brokers: string;
  clientId: string;
  logger: Pick<Logger, 'error' | 'warn' | 'log' | 'debug'>;
  /** TLS and SASL from the settings (`kafkaSecurity`); plain text without. */
  security?: KafkaSecurity;
}

/**
 * kafkajs logs through the service's logger; it is chatty at info, so only warnings and up, and
 * a message it repeats (every retry while a broker refuses) at most once a minute.
 */
export function createKafka({
  brokers,
  clientId,
  logger,
  security = {},
}: KafkaClientOptions): Kafka {
  const repeats = new Map<string, RepeatFilter>();
  const heldBackOf = (message: string): number | undefined => {
    let filter = repeats.get(message);
    if (!filter) {
      if (repeats.size >= KEPT_MESSAGES) repeats.clear();
      filter = new RepeatFilter();
      repeats.set(message, filter);
    }
    return filter.pass(message);
  };
  return new Kafka({
    clientId,
    ...security,
    brokers: brokers
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }) => {
        const { message, ...extra } = log;
        // Relay producers retry a bounded number of times on purpose (then the relay reconnects
        // and resends; consumers dedupe), which kafkajs warns about on every connect.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        if (level > logLevel.WARN) {
          logger.debug({ ...extra, msg: `kafkajs: ${message}` });
          return;
        }
        const heldBack = heldBackOf(message);
        if (heldBack === undefined) return;
        const line = { ...extra, heldBack, msg: `kafkajs: ${message}` };
        if (level <= logLevel.ERROR) logger.error(line);
        else logger.warn(line);
      },
  });
}

/**
 * Idempotent producer with one request in flight, so broker retries cannot reorder or
 * duplicate a partition's messages.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
