import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { Logger, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ServiceName, StatsReporter as StatsReporterName } from '@rendezvous/contracts';
import { ALL_TOPICS, STATS_REPORTERS } from '@rendezvous/contracts';
import type Redis from 'ioredis';
import type { Kafka } from 'kafkajs';
import { Logger as PinoLogger, LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import type { Tombstones } from './auth/access-check';
import { AccessCheck } from './auth/access-check';
import { RedisStandings } from './auth/redis-standings';
import type { RevocationCheck } from './auth/token-verifier';
import { REVOCATION_CHECK, TokenVerifier } from './auth/token-verifier';
import { BootPhase } from './bootstrap/boot-phase';
import type { ConfigClass } from './config/load-config';
import { loadConfig } from './config/load-config';
import { PlatformConfig } from './config/platform.config';
import { AccountStatusProjection } from './database/account-status-projection.repository';
import { DatabaseHealthCheck } from './database/database-health';
import type { DatabaseOptions } from './database/database.module';
import { DATABASE_NAME, DatabaseModule } from './database/database.module';
import { postgresClientConfig } from './database/postgres-settings';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { createValidationPipe } from './errors/validation';
import { parseTextAllowlist, useObjectionableTextAllowlist } from './http/objectionable-text';
import type { HealthCheck, ReadinessDetail } from './health/health-check';
import { HEALTH_CHECKS, READINESS_DETAILS } from './health/health-check';
import { HealthController } from './health/health.controller';
import { ReadinessMonitor } from './health/readiness-monitor';
import { ExportPartsService } from './exports/export-parts.service';
import { InboxService } from './kafka/inbox.service';
import { kafkaSecurity, redisSecurity } from './connections/connection-security';
import { createKafka } from './kafka/kafka-client';
import { KafkaConsumerTransport } from './kafka/kafka-consumer.transport';
import { KafkaHealthCheck } from './kafka/kafka-health';
import { OutboxRelay } from './kafka/outbox-relay';
import { OutboxService } from './kafka/outbox.service';
import { loggerOptions } from './logging/logger-options';
import { MetricsController } from './metrics/metrics.controller';
import { OutboxMetrics, postgresOutboxBacklog } from './metrics/outbox-metrics';
import { PlatformMetrics } from './metrics/platform-metrics';
import { PlatformLifecycle } from './platform-lifecycle';
import {
  KAFKA,
  OBJECTIONABLE_TEXT_MATCHER,
  OUTBOX_RELAY,
  PLATFORM_OPTIONS,
  REDIS,
  REDIS_OUTBOX_RELAY,
  SERVICE_NAME,
  STATS_REPORTER,
  TOPICS_TO_ENSURE,
} from './platform.tokens';
import { createRedis } from './redis/redis-client';
import { RedisHealthCheck } from './redis/redis-health';
import { redisOutboxStream } from './redis/redis-outbox';
import { redisOutboxBacklog } from './redis/redis-outbox-backlog';
import { RedisOutboxRelay } from './redis/redis-outbox-relay';
import { StatTallies } from './stats/stat-tallies.repository';
import { StatsReporter } from './stats/stats-reporter';
import type { StatsSource } from './stats/stats-source';
import { STATS_SOURCE } from './stats/stats-source';
import { TraceInterceptor } from './trace/trace.interceptor';

export type ReadinessDependency = 'database' | 'redis' | 'kafka';

const BOOT_PORT_OPEN = Symbol('BOOT_PORT_OPEN');

export interface PlatformOptions {
  service: ServiceName;
  /** The app's env class; validated once at boot. */
  config: ConfigClass<PlatformConfig>;
  /** The service's own PostgreSQL database; omitted for services without one (gateway). */
  database?: DatabaseOptions;
  /** Relay the service's Redis Stream outbox (state kept in Redis). */
  redisOutbox?: boolean;
  /** Topics created up front (with their DLQs); defaults to every topic in contracts. */
  topics?: readonly string[];
  readinessDetails?: Type<ReadinessDetail>[];
  /**
   * The dependencies the service's requests need: while one is down `/health/ready` is `503`;
   * the others only show as `down`. Defaults to the database when there is one (README, How
   * the platform works, has the table per service).
   */
  readinessGates?: readonly ReadinessDependency[];
  /** Refuses tokens before they expire (the gateway's revoked users). */
  revocationCheck?: Type<RevocationCheck>;
  /**
   * Where the service's own projection of people marks deleted people: their tokens, and those of
   * people its `account_status` holds as suspended, banned or demoted, are refused here too, not
   * only at the gateway (ARCHITECTURE.md, Auth). Needs `database`. Instead of `revocationCheck`.
   */
  tombstones?: Tombstones;
  /**
   * Keep people's standing in Redis too (`RedisStandings`, rebuilt from Postgres when Redis loses
   * it), so token checks need no Postgres while Redis answers. The service's user-event consumer
   * must then write it after each commit. Needs `tombstones`.
   */
  redisStandings?: boolean;
  /**
   * The service's query for `stats.reported` (the facts it owns that `GET /admin/stats` counts),
   * published every `STATS_REPORT_INTERVAL_SECONDS` by one replica. Needs `database`.
   */
  statsSource?: Type<StatsSource>;
}

function statsReporterProviders(options: PlatformOptions): Provider[] {
  const { statsSource, service } = options;
  if (!statsSource) return [];
  if (options.database === undefined || !STATS_REPORTERS.includes(service as StatsReporterName)) {
    throw new Error(
      `PlatformModule: ${service} cannot report stats (needs a database and to be a STATS_REPORTER)`,
    );
  }
  return [
    { provide: STATS_SOURCE, useClass: statsSource },
    {
      provide: STATS_REPORTER,
      inject: [PlatformConfig, DATABASE_NAME, KAFKA, getDataSourceToken(), STATS_SOURCE],
      useFactory: (
        config: PlatformConfig,
        name: string,
        kafka: Kafka,
        dataSource: DataSource,
        source: StatsSource,
      ) =>
        new StatsReporter({
          service: service as StatsReporterName,
          source,
          dataSource,
          postgres: postgresClientConfig(config, name),
          kafka,
          intervalMs: config.STATS_REPORT_INTERVAL_SECONDS * 1000,
          logger: new Logger('StatsReporter'),
        }),
    },
  ];
}

function revocationCheckProviders(options: PlatformOptions): Provider[] {
  const { revocationCheck, tombstones } = options;
  if (revocationCheck && tombstones) {
    throw new Error('PlatformModule: give either revocationCheck or tombstones, not both');
  }
  if (revocationCheck) return [{ provide: REVOCATION_CHECK, useClass: revocationCheck }];
  if (!tombstones) return [];
  if (options.database === undefined) {
    throw new Error('PlatformModule: tombstones need the service database (account_status)');
  }
  if (!options.redisStandings) {
    return [
      {
        provide: REVOCATION_CHECK,
        inject: [getDataSourceToken()],
        useFactory: (dataSource: DataSource) => new AccessCheck(tombstones, { dataSource }),
      },
    ];
  }
  return [
    {
      provide: RedisStandings,
      inject: [REDIS, getDataSourceToken(), PlatformMetrics],
      useFactory: (redis: Redis, dataSource: DataSource, metrics: PlatformMetrics) =>
        new RedisStandings({
          service: options.service,
          redis,
          dataSource,
          tombstones,
          metrics,
          logger: new Logger('RedisStandings'),
        }),
    },
    {
      provide: REVOCATION_CHECK,
      inject: [getDataSourceToken(), RedisStandings],
      useFactory: (dataSource: DataSource, standings: RedisStandings) =>
        new AccessCheck(tombstones, { dataSource, standings }),
    },
  ];
}

/**
 * Everything a service boots with, in one import: validated config, logging, errors,
 * auth, health, metrics, database, Kafka (outbox, inbox, consumer transport) and Redis.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { service } = options;
    const withDatabase = options.database !== undefined;
    const readinessDetails = options.readinessDetails ?? [];

    const core: Provider[] = [
      { provide: PLATFORM_OPTIONS, useValue: options },
      { provide: SERVICE_NAME, useValue: service },
      { provide: options.config, useFactory: () => loadConfig(options.config) },
      { provide: PlatformConfig, useExisting: options.config },
      { provide: PlatformMetrics, useFactory: () => new PlatformMetrics(service) },
      {
        provide: KAFKA,
        inject: [PlatformConfig],
        useFactory: (config: PlatformConfig) =>
          createKafka({
            brokers: config.KAFKA_BROKERS,
            clientId: service,
            logger: new Logger('Kafka'),
            security: kafkaSecurity(config),
          }),
      },
      {
        provide: REDIS,
        inject: [PlatformConfig],
        useFactory: (config: PlatformConfig) =>
          createRedis(config.REDIS_URL, service, new Logger('Redis'), redisSecurity(config)),
      },
      { provide: TOPICS_TO_ENSURE, useValue: options.topics ?? ALL_TOPICS },
      {
        provide: KafkaConsumerTransport,
        inject: [KAFKA, PlatformConfig, PlatformMetrics, BootPhase],
        useFactory: (
          kafka: Kafka,
          config: PlatformConfig,
          metrics: PlatformMetrics,
          boot: BootPhase,
        ) =>
          new KafkaConsumerTransport({
            kafka,
            boot,
            groupId: config.KAFKA_CONSUMER_GROUP || service,
            logger: new Logger('KafkaConsumer'),
            metrics,
            retries: config.KAFKA_HANDLER_RETRIES,
            retryBaseMs: config.KAFKA_RETRY_BASE_MS,
            retryMaxMs: config.KAFKA_RETRY_MAX_MS,
            partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY,
          }),
      },
      {
        // As soon as the settings are read, the port answers (API.md, Health) and the boot logs.
        provide: BOOT_PORT_OPEN,
        inject: [BootPhase, PlatformConfig, PinoLogger],
        useFactory: async (boot: BootPhase, config: PlatformConfig, logger: PinoLogger) => {
          Logger.overrideLogger(logger);
          Logger.flush();
          boot.expect([...(withDatabase ? ['database'] : []), 'redis', 'kafka']);
          await boot.open(config.PORT, config.HOST);
        },
      },
      KafkaHealthCheck,
      TokenVerifier,
      ...revocationCheckProviders(options),
      PlatformLifecycle,
      ...readinessDetails,
      {
        provide: READINESS_DETAILS,
        inject: readinessDetails,
        useFactory: (...details: ReadinessDetail[]) => details,
      },
      { provide: APP_GUARD, useClass: JwtAuthGuard },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      { provide: APP_INTERCEPTOR, useClass: TraceInterceptor },
      {
        provide: OBJECTIONABLE_TEXT_MATCHER,
        inject: [PlatformConfig],
        useFactory: (config: PlatformConfig) =>
          useObjectionableTextAllowlist(parseTextAllowlist(config.MODERATION_TEXT_ALLOWLIST)),
      },
      { provide: APP_PIPE, useFactory: createValidationPipe },
    ];

    const healthInject: unknown[] = [REDIS, KafkaHealthCheck];
    if (withDatabase) healthInject.push(getDataSourceToken());
    const health: Provider = {
      provide: HEALTH_CHECKS,
      inject: healthInject as never[],
      useFactory: (
        redis: Redis,
        kafka: KafkaHealthCheck,
        dataSource?: DataSource,
      ): HealthCheck[] => [
        ...(dataSource ? [new DatabaseHealthCheck(dataSource)] : []),
        new RedisHealthCheck(redis),
        kafka,
      ],
    };
    const gates = new Set<string>(options.readinessGates ?? (withDatabase ? ['database'] : []));
    const readiness: Provider = {
      provide: ReadinessMonitor,
      inject: [HEALTH_CHECKS, READINESS_DETAILS],
      useFactory: (checks: HealthCheck[], details: ReadinessDetail[]) =>
        new ReadinessMonitor(checks, details, { gates }),
    };

    const database: Provider[] = withDatabase
      ? [
          OutboxService,
          InboxService,
          ExportPartsService,
          AccountStatusProjection,
          StatTallies,
          {
            provide: OUTBOX_RELAY,
            inject: [PlatformConfig, DATABASE_NAME, KAFKA, PlatformMetrics],
            useFactory: (
              config: PlatformConfig,
              name: string,
              kafka: Kafka,
              metrics: PlatformMetrics,
            ) =>
              new OutboxRelay({
                postgres: postgresClientConfig(config, name),
                kafka,
                metrics,
                logger: new Logger('OutboxRelay'),
                sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
              }),
          },
        ]
      : [];

    const redisOutbox: Provider[] = options.redisOutbox
      ? [
          {
            provide: REDIS_OUTBOX_RELAY,
            inject: [REDIS, KAFKA, PlatformMetrics],
            useFactory: (redis: Redis, kafka: Kafka, metrics: PlatformMetrics) =>
              new RedisOutboxRelay({
                redis,
                stream: redisOutboxStream(service),
                kafka,
                metrics,
                logger: new Logger('RedisOutboxRelay'),
              }),
          },
        ]
      : [];

    const outboxMetrics: Provider[] =
      withDatabase || options.redisOutbox
        ? [
            {
              provide: OutboxMetrics,
              inject: [PlatformMetrics, REDIS, { token: getDataSourceToken(), optional: true }],
              useFactory: (metrics: PlatformMetrics, redis: Redis, dataSource?: DataSource) =>
                new OutboxMetrics(metrics, {
                  postgres: dataSource && postgresOutboxBacklog(dataSource),
                  redis: options.redisOutbox
                    ? redisOutboxBacklog(redis, redisOutboxStream(service))
                    : undefined,
                }),
            },
          ]
        : [];

    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRootAsync({
          inject: [PlatformConfig],
          useFactory: (config: PlatformConfig) => loggerOptions(config, service),
        }),
        ...(withDatabase ? [DatabaseModule.forRoot(service, options.database)] : []),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        ...core,
        health,
        readiness,
        ...database,
        ...redisOutbox,
        ...outboxMetrics,
        ...statsReporterProviders(options),
      ],
      exports: [
        SERVICE_NAME,
        options.config,
        PlatformConfig,
        PlatformMetrics,
        KAFKA,
        REDIS,
        KafkaConsumerTransport,
        TokenVerifier,
        PlatformLifecycle,
        ...(options.redisStandings ? [RedisStandings, REVOCATION_CHECK] : []),
        ...(withDatabase
          ? [OutboxService, InboxService, ExportPartsService, AccountStatusProjection, StatTallies]
          : []),
        ...(options.statsSource ? [STATS_REPORTER] : []),
      ],
    };
  }
}
