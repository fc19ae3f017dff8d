import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import type { RedisOptions } from 'ioredis';
import { ConfigError } from '../config/load-config';
import type { PlatformConfig } from '../config/platform.config';

/** Reads a PEM file named by a setting; a missing or unreadable file names the setting. */
export type PemReader = (setting: string, path: string) => string;

export const readPem: PemReader = (setting, path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError([`${setting}: cannot read ${path}`]);
  }
};

/** node-postgres's `ssl` for POSTGRES_SSLMODE (libpq's meanings; `verify-full` checks the name). */
export function postgresSsl(
  config: PlatformConfig,
  read: PemReader = readPem,
): false | ConnectionOptions {
  const mode = config.POSTGRES_SSLMODE;
  if (mode === 'disable') return false;
  if (mode === 'require') return { rejectUnauthorized: false };
  const ca = config.POSTGRES_SSL_CA_FILE
    ? read('POSTGRES_SSL_CA_FILE', config.POSTGRES_SSL_CA_FILE)
    : undefined;
  return {
    rejectUnauthorized: true,
    ...(ca ? { ca } : {}),
    // verify-ca trusts any name the CA signed, as libpq does.
    ...(mode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
  };
}

/** ioredis options for TLS (`rediss://`) and an ACL user; the URL's own credentials otherwise. */
export function redisSecurity(config: PlatformConfig, read: PemReader = readPem): RedisOptions {
  const options: RedisOptions = {};
  if (config.REDIS_USERNAME) options.username = config.REDIS_USERNAME;
  if (config.REDIS_PASSWORD) options.password = config.REDIS_PASSWORD;
  if (config.REDIS_URL.startsWith('rediss://')) {
    options.tls = config.REDIS_TLS_CA_FILE
      ? { ca: read('REDIS_TLS_CA_FILE', config.REDIS_TLS_CA_FILE) }
      : {};
  } else if (config.REDIS_TLS_CA_FILE) {
    throw new ConfigError(['REDIS_TLS_CA_FILE: only used with a rediss:// REDIS_URL']);
  }
  return options;
}

export interface KafkaSecurity {
  ssl?: ConnectionOptions | boolean;
  sasl?: SASLOptions;
}

/** kafkajs's `ssl` and `sasl` for every client (producers, consumers, admin). */
export function kafkaSecurity(config: PlatformConfig, read: PemReader = readPem): KafkaSecurity {
  const problems: string[] = [];
  const security: KafkaSecurity = {};
  const cert = config.KAFKA_SSL_CERT_FILE;
  const key = config.KAFKA_SSL_KEY_FILE;
  if (Boolean(cert) !== Boolean(key)) {
    problems.push(
      'KAFKA_SSL_CERT_FILE: a client certificate needs KAFKA_SSL_KEY_FILE too (and the other way round)',
    );
  }
  if (!config.KAFKA_SSL && (config.KAFKA_SSL_CA_FILE || cert || key)) {
    problems.push('KAFKA_SSL: certificate files are set but KAFKA_SSL is not true');
  }
  const mechanism = config.KAFKA_SASL_MECHANISM;
  if (mechanism !== 'none' && (!config.KAFKA_SASL_USERNAME || !config.KAFKA_SASL_PASSWORD)) {
    problems.push(
      `KAFKA_SASL_MECHANISM: ${mechanism} needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  if (config.KAFKA_SSL) {
    const tls: ConnectionOptions = { rejectUnauthorized: true };
    if (config.KAFKA_SSL_CA_FILE) tls.ca = read('KAFKA_SSL_CA_FILE', config.KAFKA_SSL_CA_FILE);
    if (cert && key) {
      tls.cert = read('KAFKA_SSL_CERT_FILE', cert);
      tls.key = read('KAFKA_SSL_KEY_FILE', key);
    }
    security.ssl = tls;
  }
  if (mechanism !== 'none') {
    security.sasl = {
      mechanism,
      username: config.KAFKA_SASL_USERNAME,
      password: config.KAFKA_SASL_PASSWORD,
    };
  }
  return security;
}
