import type { ClientConfig } from 'pg';
import { Client } from 'pg';
import type { PlatformConfig } from '../config/platform.config';
import { postgresSsl } from '../connections/connection-security';
import { isTransientInfrastructureError } from '../errors/transient-errors';
import { backoffDelay } from '../kafka/kafka-errors';

export function postgresClientConfig(config: PlatformConfig, database: string): ClientConfig {
  return {
    host: config.POSTGRES_HOST,
    port: config.POSTGRES_PORT,
    user: config.POSTGRES_USER,
    password: config.POSTGRES_PASSWORD || undefined,
    database,
    ssl: postgresSsl(config),
    connectionTimeoutMillis: 5_000,
  };
}

const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

const ENSURE_ATTEMPTS = 8;

/**
 * Creates the service's database when missing; safe when several replicas race to do it. A
 * server that is slow to accept (busy, or still starting) is waited for, with backoff.
 */
export async function ensureDatabase(config: PlatformConfig, database: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ensureDatabaseOnce(config, database);
    } catch (error) {
      if (attempt >= ENSURE_ATTEMPTS || !isTransientInfrastructureError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, 500, 5_000)));
    }
  }
}

async function ensureDatabaseOnce(config: PlatformConfig, database: string): Promise<void> {
  const client = new Client(postgresClientConfig(config, 'postgres'));
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return;
    const quoted = `"${database.replace(/"/g, '""')}"`;
    await client.query(`CREATE DATABASE ${quoted}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== DUPLICATE_DATABASE && code !== UNIQUE_VIOLATION) throw error;
  } finally {
    await client.end();
  }
}
