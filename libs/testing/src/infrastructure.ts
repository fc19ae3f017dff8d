import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import Redis from 'ioredis';

/** Local infrastructure as started by tools/infra/up.sh; overridable like the apps' settings. */
export const testInfra = {
  kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
  redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  postgres: {
    host: process.env['POSTGRES_HOST'] ?? '127.0.0.1',
    port: Number(process.env['POSTGRES_PORT'] ?? 5432),
    user: process.env['POSTGRES_USER'] ?? 'postgres',
    password: process.env['POSTGRES_PASSWORD'] || undefined,
  },
};

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function testKafka(clientId = uniqueName('test')): Kafka {
  return new Kafka({ clientId, brokers: testInfra.kafkaBrokers, logLevel: logLevel.NOTHING });
}

export function testRedis(): Redis {
  return new Redis(testInfra.redisUrl, { maxRetriesPerRequest: 3 });
}

/** A fresh, empty database for one test file; drop it with the returned function. */
export async function createTestDatabase(prefix = 'rendezvous_test'): Promise<{
  name: string;
  drop: () => Promise<void>;
}> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ ...testInfra.postgres, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    name,
    drop: async () => {
      const client = new Client({ ...testInfra.postgres, database: 'postgres' });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Makes a database unreachable for its apps, as a stopped server would be: new connections are
 * refused and open ones are ended. The returned function lets them in again.
 */
export async function cutOffDatabase(name: string): Promise<() => Promise<void>> {
  const admin = new Client({ ...testInfra.postgres, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
      name,
    ]);
  } finally {
    await admin.end();
  }
  return async () => {
    const client = new Client({ ...testInfra.postgres, database: 'postgres' });
    await client.connect();
    await client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    await client.end();
  };
}

/** For components that take a logger: tests assert on behaviour, not on log lines. */
export const silentLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};
