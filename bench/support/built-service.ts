import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, startTokenIssuer, uniqueName, waitFor } from '@rendezvous/testing';

export interface BuiltService {
  /** The fresh database the service runs on, for seeding straight into its store. */
  database: string;
  /** An access token for the person, cached per person. */
  tokenFor(userId: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Boots the built app (`dist/apps/<app>`) on `port` against a fresh database, with a consumer
 * group of its own and a key set of the benchmark's, and waits until it is ready.
 * `env` adds or overrides settings. BENCH_KEEP_DATABASE=1 keeps the seeded store afterwards, for a look with EXPLAIN.
 */
export async function startBuiltService(
  app: string,
  port: number,
  env: NodeJS.ProcessEnv = {},
): Promise<BuiltService> {
  const database = await createTestDatabase(`rendezvous_bench_${app.replace(/-/g, '_')}`);
  const issuer = await startTokenIssuer();
  const child = spawn(join('node_modules', '.bin', 'node'), [`dist/apps/${app}/src/main.js`], {
    env: {
      ...process.env,
      PORT: String(port),
      POSTGRES_DB: database.name,
      JWKS_URL: issuer.jwksUrl,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      KAFKA_CONSUMER_GROUP: uniqueName(`bench-${app}`),
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
    issuer.close();
    if (process.env['BENCH_KEEP_DATABASE'] === '1') console.log(`kept database ${database.name}`);
    else await database.drop();
  };
  try {
    await waitFor(
      async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200,
      { timeoutMs: 60_000, intervalMs: 250, message: `the ${app} service to be ready` },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const tokens = new Map<string, Promise<string>>();
  return {
    database: database.name,
    tokenFor(userId) {
      let token = tokens.get(userId);
      if (!token) {
        token = issuer.sign(userId);
        tokens.set(userId, token);
      }
      return token;
    },
    stop,
  };
}
