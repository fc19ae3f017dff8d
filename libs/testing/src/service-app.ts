import { createServer } from 'node:net';
import { createTestDatabase } from './infrastructure';

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Settings of a service running on a database of the test's own: its figures must not become
 * the suite's `stats.reported` (the gateway would rebuild its admin counters from them).
 */
export const OWN_DATABASE_SETTINGS: Readonly<Record<string, string>> = {
  STATS_REPORT_INTERVAL_SECONDS: '0',
};

interface Closable {
  init(): Promise<unknown>;
  close(): Promise<void>;
}

export interface ServiceUnderTest<App> {
  app: App;
  close(): Promise<void>;
}

/**
 * A service (`create` builds its real app) on a fresh database, initialised (outbox relays running) but not
 * consuming Kafka: the running suite's groups own the topics, so tests hand events to the
 * consumer controllers. Settings go in through the environment, as in production, and are
 * taken out again on close.
 */
export async function startServiceForTest<App extends Closable>(
  create: () => Promise<App>,
  env: Record<string, string> = {},
): Promise<ServiceUnderTest<App>> {
  const database = await createTestDatabase();
  const settings: Record<string, string> = {
    POSTGRES_DB: database.name,
    LOG_LEVEL: 'silent',
    PORT: String(await freePort()),
    ...OWN_DATABASE_SETTINGS,
    ...env,
  };
  for (const [key, value] of Object.entries(settings)) process.env[key] = value;
  const app = await create();
  await app.init();
  return {
    app,
    async close() {
      await app.close();
      for (const key of Object.keys(settings)) delete process.env[key];
      await database.drop();
    },
  };
}
