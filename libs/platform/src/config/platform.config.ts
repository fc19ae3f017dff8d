import 'reflect-metadata';
import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { DEFAULT_ACCESS_TOKEN_ISSUER } from '@rendezvous/contracts';
import { TracingConfig } from '../trace/tracing.config';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const POSTGRES_SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type PostgresSslMode = (typeof POSTGRES_SSL_MODES)[number];
export const KAFKA_SASL_MECHANISMS = ['none', 'plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** An integer setting within bounds, converted from its env string. */
export function IntSetting(min: number, max?: number): PropertyDecorator {
  return applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(min),
    ...(max === undefined ? [] : [Max(max)]),
  );
}

/** A decimal setting within bounds, converted from its env string. */
export function NumberSetting(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Type(() => Number),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(min),
    Max(max),
  );
}

/** A TCP port setting. */
export const PortSetting = () => IntSetting(0, 65535);

/** Env strings to booleans; `Boolean('false')` would be true. */
export function EnvBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value,
  );
}

/**
 * Settings every service boots with. Each app extends it with its own variables and its own
 * default `PORT`. Every property needs an initializer: it is both the local default and how
 * the loader knows which variables belong to the class.
 */
export class PlatformConfig extends TracingConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Pretty logs in a terminal; JSON otherwise. `auto` decides by whether stdout is a TTY. */
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  @PortSetting()
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IntSetting(1000)
  SHUTDOWN_TIMEOUT_MS = 15000;

  @IsString()
  POSTGRES_HOST = '127.0.0.1';

  @IntSetting(1, 65535)
  POSTGRES_PORT = 5432;

  @IsString()
  @MinLength(1)
  POSTGRES_USER = 'postgres';

  @IsString()
  POSTGRES_PASSWORD = '';

  /** Defaults to `rendezvous_<service>`. */
  @IsOptional()
  @IsString()
  POSTGRES_DB = '';

  @IntSetting(1, 100)
  POSTGRES_POOL_SIZE = 10;

  /**
   * TLS to Postgres, as libpq's sslmode: `require` encrypts without checking the server,
   * `verify-ca` checks its certificate against the CA, `verify-full` also checks its name.
   */
  @IsIn(POSTGRES_SSL_MODES)
  POSTGRES_SSLMODE: PostgresSslMode = 'disable';

  /** PEM file of the CA that signed the server's certificate; without it, the system's CAs. */
  @IsString()
  POSTGRES_SSL_CA_FILE = '';

  /** `rediss://` connects with TLS. */
  @IsString()
  @MinLength(1)
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** An ACL user; with REDIS_PASSWORD (or REDIS_PASSWORD_FILE). Overrides the URL's. */
  @IsString()
  REDIS_USERNAME = '';

  @IsString()
  REDIS_PASSWORD = '';

  /** PEM file of the CA that signed the server's certificate (`rediss://`). */
  @IsString()
  REDIS_TLS_CA_FILE = '';

  /** Comma-separated `host:port` list. */
  @IsString()
  @MinLength(1)
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** TLS to the brokers (SASL_SSL or SSL listeners). */
  @EnvBoolean()
  @IsBoolean()
  KAFKA_SSL = false;

  /** PEM file of the CA that signed the brokers' certificates; without it, the system's CAs. */
  @IsString()
  KAFKA_SSL_CA_FILE = '';

  /** A client certificate and its key (PEM files), for brokers that authenticate clients by TLS. */
  @IsString()
  KAFKA_SSL_CERT_FILE = '';

  @IsString()
  KAFKA_SSL_KEY_FILE = '';

  @IsIn(KAFKA_SASL_MECHANISMS)
  KAFKA_SASL_MECHANISM: KafkaSaslMechanism = 'none';

  @IsString()
  KAFKA_SASL_USERNAME = '';

  @IsString()
  KAFKA_SASL_PASSWORD = '';

  /** The consumer group; empty means the service's name (ARCHITECTURE.md). */
  @IsString()
  KAFKA_CONSUMER_GROUP = '';

  @IntSetting(1, 1000)
  KAFKA_PARTITIONS = 6;

  @IntSetting(1, 10)
  KAFKA_REPLICATION_FACTOR = 1;

  /** How often a failing handler is retried (with backoff) before its message goes to the DLQ. */
  @IntSetting(0, 50)
  KAFKA_HANDLER_RETRIES = 5;

  @IntSetting(1)
  KAFKA_RETRY_BASE_MS = 200;

  @IntSetting(1)
  KAFKA_RETRY_MAX_MS = 5000;

  /** Partitions of one consumer handled at once; order per key holds within a partition. */
  @IntSetting(1, 64)
  KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY = 3;

  /** The outbox relay also sweeps on this interval, besides being woken on commit. */
  @IntSetting(50)
  OUTBOX_SWEEP_INTERVAL_MS = 2000;

  /**
   * How often a service that owns counted facts publishes its `stats.reported`; 0 never (tests
   * of a service on a database of their own).
   */
  @IntSetting(0)
  STATS_REPORT_INTERVAL_SECONDS = 60;

  /** Where verifiers fetch the user service's public keys. */
  @IsString()
  @MinLength(1)
  JWKS_URL = 'http://127.0.0.1:3001/api/v1/.well-known/jwks.json';

  /** The `iss` the user service signs access tokens with and every verifier requires. */
  @IsString()
  @MinLength(1)
  JWT_ISSUER = DEFAULT_ACCESS_TOKEN_ISSUER;

  /**
   * Comma-separated words or phrases the objectionable-text filter lets through (names it
   * refuses by mistake). Case does not matter.
   */
  @IsString()
  MODERATION_TEXT_ALLOWLIST = '';
}
