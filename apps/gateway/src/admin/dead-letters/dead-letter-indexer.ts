import { randomUUID } from 'node:crypto';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { AnyEnvelope } from '@rendezvous/contracts';
import { ALL_TOPICS, TOPICS, dlqTopic } from '@rendezvous/contracts';
import type { ReplayedMessage } from '@rendezvous/platform';
import {
  EnvelopeValidator,
  KAFKA,
  PlatformMetrics,
  REDIS,
  RedisStateGuard,
  replayMessages,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import type { Consumer, Kafka } from 'kafkajs';
import { deadLetterRecord } from './dead-letter-message';
import { DeadLetterStore } from './dead-letter-store';

const CHECK_MS = 5_000;
const PRUNE_MS = 60_000;
const TOPICS_READ = [...ALL_TOPICS.map(dlqTopic), TOPICS.DEAD_LETTER_STATUS_CHANGED];

/**
 * Keeps the Redis index of every `<topic>.dlq` and the compacted `dead_letter.status_changed`:
 * a follower reads them from the beginning at each start and then follows them, in a group of its
 * own that commits nothing, so every gateway replica reads everything. When Redis lost the index
 * (RedisStateGuard) everything is read again up to where the DLQs stood, and the index answers
 * `503` until then. Dead letters whose message Kafka may have dropped are forgotten each minute.
 */
@Injectable()
export class DeadLetterIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadLetterIndexer');
  private readonly validator = new EnvelopeValidator();
  readonly guard: RedisStateGuard;
  private readonly stopping = new AbortController();
  private consumer?: Consumer;
  private timers: NodeJS.Timeout[] = [];
  private starting?: Promise<void>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(REDIS) redis: Redis,
    private readonly store: DeadLetterStore,
    @Optional() metrics?: PlatformMetrics,
  ) {
    this.guard = new RedisStateGuard({
      redis,
      component: store.stateComponent,
      rebuild: () => this.rebuild(),
      logger: this.logger,
      metrics,
    });
  }

  /** Boot does not wait: the index answers `503` until it is whole. */
  onApplicationBootstrap(): void {
    this.timers = [
      setInterval(() => void this.startFollower(), CHECK_MS),
      setInterval(() => void this.prune(), PRUNE_MS),
    ];
    for (const timer of this.timers) timer.unref();
    void this.startFollower();
    void this.guard.start();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.stopping.abort(new Error('the gateway is shutting down'));
    await this.guard.stop();
    await this.starting;
    await this.consumer?.disconnect();
  }

  private async rebuild(): Promise<void> {
    const { handled } = await replayMessages({
      kafka: this.kafka,
      topics: TOPICS_READ,
      groupPrefix: 'gateway-dead-letters-replay',
      signal: this.stopping.signal,
      handle: (replayed) => this.handle(replayed),
    });
    this.logger.log({ messages: handled }, 'dead-letter index read back from Kafka');
  }

  /** Starts the follower, again after a failed start. */
  private startFollower(): Promise<void> {
    if (this.consumer || this.stopping.signal.aborted) return Promise.resolve();
    this.starting ??= this.follow()
      .catch((error: unknown) => this.logger.error({ err: error }, 'reading the DLQs failed'))
      .finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async follow(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: `gateway-dead-letters-${randomUUID()}`,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 500,
      allowAutoTopicCreation: false,
    });
    // A handler failure it will not retry (Redis gone) stops it: started again by the timer.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && this.consumer === consumer) this.consumer = undefined;
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: TOPICS_READ, fromBeginning: true });
      await consumer.run({ autoCommit: false, eachMessage: (payload) => this.handle(payload) });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.consumer = consumer;
  }

  private async handle({ topic, partition, message }: ReplayedMessage): Promise<void> {
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

  private async prune(): Promise<void> {
    try {
      const forgotten = await this.store.prune();
      if (forgotten > 0) this.logger.log({ forgotten }, 'forgot dead letters past retention');
    } catch (error) {
      this.logger.warn({ err: error }, 'pruning the dead-letter index failed');
    }
  }
}
