import type { Logger } from '@nestjs/common';
import type { BootPhase } from '../bootstrap/boot-phase';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { KafkaContext, Server } from '@nestjs/microservices';
import type { Envelope } from '@rendezvous/contracts';
import { DomainError, EVENT_HEADERS, dlqTopic } from '@rendezvous/contracts';
import type { Consumer, EachMessagePayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { ConsumerLagReader } from '../metrics/consumer-lag';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import { withConsumerSpan } from '../trace/spans';
import { runWithTrace } from '../trace/trace-context';
import { EnvelopeValidator } from './envelope-validator';
import { createIdempotentProducer } from './kafka-client';
import { isTransientInfrastructureError } from '../errors/transient-errors';
import { PoisonMessageError, backoffDelay } from './kafka-errors';

export interface KafkaConsumerOptions {
  kafka: Kafka;
  /** The consumer group: the service name (no suffix), per STYLE.md. */
  groupId: string;
  logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  metrics?: PlatformMetrics;
  retries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  partitionsConsumedConcurrently: number;
  validator?: EnvelopeValidator;
  /** Retries the start (connect, join the group) while Kafka refuses or is away. */
  boot?: Pick<BootPhase, 'connect'>;
}

function isRetriable(error: unknown): boolean {
  return !(error instanceof PoisonMessageError) && !(error instanceof DomainError);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * A custom @nestjs/microservices transport over kafkajs, used instead of ServerKafka so that
 * nothing is lost: the handler's retries, the inbox and the DLQ hand-off all happen before the
 * offset may move on; a handler error is never swallowed. Handlers are `@EventPattern(topic)`
 * methods receiving a validated `Envelope`.
 */
export class KafkaConsumerTransport extends Server implements CustomTransportStrategy {
  private consumer?: Consumer;
  private producer?: Producer;
  private lag?: ConsumerLagReader;
  private stopping = false;
  private readonly validator: EnvelopeValidator;

  constructor(private readonly options: KafkaConsumerOptions) {
    super();
    this.validator = options.validator ?? new EnvelopeValidator();
  }

  get topics(): string[] {
    return [...this.messageHandlers.keys()];
  }

  listen(callback: (error?: unknown) => void): void {
    const start = () => this.start();
    (this.options.boot ? this.options.boot.connect('kafka', start) : start()).then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    this.stopping = true;
    // disconnect() waits for the message in flight and commits what was resolved.
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    await this.lag?.close();
    this.lag = undefined;
    this.consumer = undefined;
    this.producer = undefined;
  }

  on(): never {
    throw new Error('KafkaConsumerTransport has no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    const topics = this.topics;
    // A service that only emits never joins a consumer group.
    if (topics.length === 0) return;
    const { kafka, groupId } = this.options;
    this.producer = createIdempotentProducer(kafka);
    this.consumer = kafka.consumer({
      groupId,
      sessionTimeout: 10_000,
      rebalanceTimeout: 10_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 500,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 10 },
    });
    try {
      await this.producer.connect();
      await this.consumer.connect();
      await this.consumer.subscribe({ topics, fromBeginning: true });
    } catch (error) {
      // The next attempt starts with fresh clients.
      await this.consumer.disconnect().catch(() => undefined);
      await this.producer.disconnect().catch(() => undefined);
      throw error;
    }
    await this.consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachMessage: (payload) => this.handle(payload),
    });
    if (this.options.metrics) {
      this.lag = new ConsumerLagReader({
        kafka,
        groupId,
        topics,
        metrics: this.options.metrics,
        onError: (error) =>
          this.options.logger.warn({ err: error, groupId }, 'could not read the consumer lag'),
      });
    }
    this.options.logger.log(`consuming ${topics.join(', ')} as group ${groupId}`);
  }

  private async handle(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message, heartbeat } = payload;
    let envelope: Envelope;
    try {
      envelope = this.validator.parse(topic, message.value);
    } catch (error) {
      await this.deadLetter(payload, error);
      return;
    }
    const handler = this.getHandlerByPattern(topic);
    if (!handler) throw new Error(`no handler for ${topic}`);
    const context = new KafkaContext([
      message,
      partition,
      topic,
      this.consumer as Consumer,
      heartbeat,
      this.producer as Producer,
    ]);
    for (let attempt = 1; ; attempt++) {
      try {
        await withConsumerSpan({ topic, partition, ...message }, (traceId) =>
          runWithTrace(
            { traceId, correlationId: envelope.correlationId, causationId: envelope.id },
            async () => {
              const result: unknown = await handler(envelope, context);
              if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
            },
          ),
        );
        this.options.metrics?.countConsumed(topic, 'processed');
        return;
      } catch (error) {
        // An outage (database, network) is waited out; the event itself is fine.
        const outage = isTransientInfrastructureError(error);
        if (!outage && (!isRetriable(error) || attempt > this.options.retries)) {
          await this.deadLetter(payload, error);
          return;
        }
        // Shutting down: leave the offset uncommitted so the message is redelivered.
        if (this.stopping) throw error;
        this.options.metrics?.countConsumed(topic, 'retried');
        this.options.logger.warn(
          { err: error, topic, partition, offset: message.offset, attempt, eventId: envelope.id },
          'event handler failed; retrying',
        );
        await new Promise((resolve) =>
          setTimeout(
            resolve,
            backoffDelay(attempt, this.options.retryBaseMs, this.options.retryMaxMs),
          ),
        );
        await heartbeat();
      }
    }
  }

  private async deadLetter({ topic, partition, message }: EachMessagePayload, error: unknown) {
    const reason = describeError(error);
    this.options.logger.error(
      { err: error, topic, partition, offset: message.offset },
      `message parked in ${dlqTopic(topic)}`,
    );
    await this.producer?.send({
      topic: dlqTopic(topic),
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...dlqHeaders(message),
            [EVENT_HEADERS.DLQ_ERROR]: reason.slice(0, 4_000),
            [EVENT_HEADERS.DLQ_SOURCE_TOPIC]: topic,
            [EVENT_HEADERS.DLQ_SOURCE_PARTITION]: String(partition),
            [EVENT_HEADERS.DLQ_SOURCE_OFFSET]: message.offset,
            [EVENT_HEADERS.DLQ_CONSUMER_GROUP]: this.options.groupId,
          },
        },
      ],
    });
    this.options.metrics?.countConsumed(topic, 'dead_lettered');
  }
}

function dlqHeaders(message: KafkaMessage): Record<string, Buffer | string> {
  const headers: Record<string, Buffer | string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (typeof value === 'string' || Buffer.isBuffer(value)) headers[name] = value;
  }
  return headers;
}
