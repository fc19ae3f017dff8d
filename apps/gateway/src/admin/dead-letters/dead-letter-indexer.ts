import { randomUUID } from 'node:crypto';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AnyEnvelope } from '@rendezvous/contracts';
import { ALL_TOPICS, TOPICS, dlqTopic } from '@rendezvous/contracts';
import { EnvelopeValidator, KAFKA } from '@rendezvous/platform';
import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { deadLetterRecord } from './dead-letter-message';
import { DeadLetterStore } from './dead-letter-store';

const CHECK_MS = 5_000;

/**
 * Reads every `<topic>.dlq` and the compacted `dead_letter.status_changed` from the beginning
 * into the Redis index, then follows them. Each start uses a group of its own that commits
 * nothing, so every gateway replica reads everything; when the index's marker is gone (Redis
 * flushed or failed over) it reads everything again.
 */
@Injectable()
export class DeadLetterIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadLetterIndexer');
  private readonly validator = new EnvelopeValidator();
  private consumer?: Consumer;
  private timer?: NodeJS.Timeout;
  private restarting?: Promise<void>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly store: DeadLetterStore,
  ) {}

  /** Boot does not wait for the group to join: the index fills in behind. */
  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.check(), CHECK_MS);
    this.timer.unref();
    void this.restart();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.restarting;
    await this.consumer?.disconnect();
  }

  private restart(): Promise<void> {
    this.restarting ??= (async () => {
      const previous = this.consumer;
      this.consumer = undefined;
      await previous?.disconnect();
      await this.start();
    })()
      .catch((error: unknown) => this.logger.error({ err: error }, 'reading the DLQs failed'))
      .finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  private async start(): Promise<void> {
    const reader = randomUUID();
    const consumer = this.kafka.consumer({
      groupId: `gateway-dead-letters-${reader}`,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 500,
      allowAutoTopicCreation: false,
    });
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: [...ALL_TOPICS.map(dlqTopic), TOPICS.DEAD_LETTER_STATUS_CHANGED],
        fromBeginning: true,
      });
      await consumer.run({ autoCommit: false, eachMessage: (payload) => this.handle(payload) });
      // Set once reading began: a loss after this point is noticed and read back.
      await this.store.markIndexedBy(reader);
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.consumer = consumer;
  }

  private async handle({ topic, partition, message }: EachMessagePayload): Promise<void> {
    if (topic !== TOPICS.DEAD_LETTER_STATUS_CHANGED) {
      await this.store.index(deadLetterRecord(topic, partition, message));
      return;
    }
    let envelope: AnyEnvelope;
    try {
      envelope = this.validator.parse(topic, message.value);
    } catch (error) {
      this.logger.error({ err: error, partition, offset: message.offset }, 'unreadable status');
      return;
    }
    if (envelope.type === TOPICS.DEAD_LETTER_STATUS_CHANGED) {
      await this.store.applyStatus(envelope.data.deadLetterId, envelope.data.status);
    }
  }

  /** Starts again after a failed start, or when the index's marker is gone from Redis. */
  private async check(): Promise<void> {
    if (this.restarting) return;
    if (this.consumer) {
      try {
        if ((await this.store.indexedBy()) !== null) return;
      } catch {
        return; // Redis unreachable: nothing to tell yet.
      }
      this.logger.warn('the dead-letter index was lost; reading the DLQs again');
    }
    await this.restart();
  }
}
