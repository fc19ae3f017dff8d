import type { ClientConfig } from 'pg';
import { Client } from 'pg';
import type { PlatformConfig } from '../config/platform.config';
import { postgresSsl } from '../connections/connection-security';

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

/**
 * Creates the service's database when missing; safe when several replicas race to do it. One
 * attempt: the boot phase retries it while the server refuses or is away.
 */
export async function ensureDatabase(config: PlatformConfig, database: string): Promise<void> {
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
