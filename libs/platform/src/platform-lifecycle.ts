import type {
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Kafka } from 'kafkajs';
import { BootPhase } from './bootstrap/boot-phase';
import { PlatformConfig } from './config/platform.config';
import { ReadinessMonitor } from './health/readiness-monitor';
import { KafkaHealthCheck } from './kafka/kafka-health';
import type { OutboxRelay } from './kafka/outbox-relay';
import { ensureTopics } from './kafka/topic-admin';
import { closeRedis, whenRedisReady } from './redis/redis-client';
import type { RedisOutboxRelay } from './redis/redis-outbox-relay';
import type { StatsReporter } from './stats/stats-reporter';
import { stopTracing } from './trace/tracing';
import {
  KAFKA,
  OUTBOX_RELAY,
  REDIS,
  REDIS_OUTBOX_RELAY,
  STATS_REPORTER,
  TOPICS_TO_ENSURE,
} from './platform.tokens';

const REDIS_ATTEMPT_MS = 10_000;

/**
 * Starts and stops the shared pieces in a fixed order. Shutdown runs after Nest has closed the
 * HTTP server and the Kafka consumer (so no new work arrives): flush both outboxes, then close
 * connections.
 */
@Injectable()
export class PlatformLifecycle
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Platform');
  private isDraining = false;

  constructor(
    private readonly config: PlatformConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(TOPICS_TO_ENSURE) private readonly topics: readonly string[],
    private readonly kafkaHealth: KafkaHealthCheck,
    private readonly readiness: ReadinessMonitor,
    private readonly boot: BootPhase,
    @Optional() @Inject(OUTBOX_RELAY) private readonly outboxRelay?: OutboxRelay,
    @Optional() @Inject(REDIS_OUTBOX_RELAY) private readonly redisOutboxRelay?: RedisOutboxRelay,
    @Optional() @Inject(STATS_REPORTER) private readonly statsReporter?: StatsReporter,
  ) {}

  /** True once shutdown began: readiness turns 503 so no new traffic is routed here. */
  get draining(): boolean {
    return this.isDraining;
  }

  /** Waits for Redis and Kafka, each retried until it answers (`BootPhase.connect`). */
  async onModuleInit(): Promise<void> {
    await Promise.all([
      this.boot.connect('redis', () => whenRedisReady(this.redis, REDIS_ATTEMPT_MS)),
      this.boot.connect('kafka', async () => {
        // A quick answer first (refused, untrusted): topic creation retries for long on its own.
        await this.kafkaHealth.check();
        await ensureTopics(this.kafka, this.topics, {
          partitions: this.config.KAFKA_PARTITIONS,
          replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
        });
      }),
    ]);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.outboxRelay?.start();
    this.redisOutboxRelay?.start();
    this.statsReporter?.start();
    // The first verdicts are in before the port opens, so readiness is truthful from the start.
    await this.readiness.start();
  }

  beforeApplicationShutdown(): void {
    this.isDraining = true;
  }

  async onApplicationShutdown(): Promise<void> {
    this.readiness.stop();
    await this.statsReporter?.stop();
    await this.outboxRelay?.stop();
    await this.redisOutboxRelay?.stop();
    await this.kafkaHealth.close();
    await closeRedis(this.redis);
    await stopTracing();
    this.logger.log('platform stopped');
  }
}
