import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { BookingData, Envelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import type { KafkaCollector, TokenIssuer } from '@rendezvous/testing';
import {
  collectMessages,
  OWN_DATABASE_SETTINGS,
  createTestDatabase,
  freePort,
  startTokenIssuer,
  testInfra,
  testKafka,
  uniqueName,
  waitFor,
} from '@rendezvous/testing';
import { Client } from 'pg';
import { inHours } from './booking-test-app';

// The real thing: the built agent runs as its own process, consuming its own plan.confirmed from
// Kafka, and is killed with SIGKILL after the provider booked but before the agent recorded the
// booking or published anything. A new process must then finish with exactly one booking.

const ROOT = resolve(__dirname, '../../..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const MAIN = join(ROOT, 'dist', 'apps', 'booking-agent', 'src', 'main.js');

interface Agent {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
  output: () => string;
}

describe('booking agent: killed between booking and publishing', () => {
  let database: { name: string; drop: () => Promise<void> };
  let issuer: TokenIssuer;
  let db: Client;
  let kafka: KafkaCollector;
  let settings: Record<string, string>;
  const agents: Agent[] = [];

  beforeAll(async () => {
    const built = spawnSync('npx', ['nx', 'run', 'booking-agent:build', '--outputStyle=static'], {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
    database = await createTestDatabase();
    issuer = await startTokenIssuer();
    db = new Client({ ...testInfra.postgres, database: database.name });
    await db.connect();
    kafka = await collectMessages(testKafka(), [TOPICS.BOOKING_CONFIRMED]);
    settings = {
      ...OWN_DATABASE_SETTINGS,
      POSTGRES_DB: database.name,
      JWKS_URL: issuer.jwksUrl,
      KAFKA_CONSUMER_GROUP: uniqueName('crash-agent'),
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      // The provider books, then its reply takes 1.5 s to come back: the window to die in.
      BOOKING_PROVIDER: 'simulated',
      BOOKING_SIMULATED_LATENCY_MS: '1500',
      BOOKING_SIMULATED_FAILURE_RATE: '0',
      BOOKING_SIMULATED_TIMEOUT_RATE: '0',
      BOOKING_PROVIDER_TIMEOUT_MS: '10000',
    };
  }, 300_000);

  afterAll(async () => {
    for (const agent of agents) agent.child.kill('SIGKILL');
    await Promise.all(agents.map((a) => a.exited));
    await kafka.stop();
    await db.end();
    issuer.close();
    await database.drop();
  });

  async function startAgent(): Promise<Agent> {
    const port = await freePort();
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => /^(POSTGRES_|KAFKA_|REDIS_)/.test(key) || key === 'PATH' || key === 'HOME',
      ),
    ) as Record<string, string>;
    const child = spawn(NODE, [MAIN], {
      cwd: ROOT,
      env: { ...inherited, ...settings, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise((done) => child.once('exit', done));
    const agent = { child, url: `http://127.0.0.1:${port}`, exited, output: () => output };
    agents.push(agent);
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`the agent exited:\n${output}`);
        const response = await fetch(`${agent.url}/health/ready`).catch(() => undefined);
        return response?.status === 200;
      },
      { timeoutMs: 60_000, message: 'the agent to be ready' },
    );
    return agent;
  }

  const call = async <T>(agent: Agent, path: string, userId: string, body?: unknown) => {
    const response = await fetch(`${agent.url}/api/v1${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await issuer.sign(userId)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  const row = async <T>(sql: string, params: unknown[]) =>
    ((await db.query(sql, params)).rows as T[])[0];

  it('ends with one booking, under the reference the provider gave before the crash', async () => {
    const first = await startAgent();
    const [organizer, invitee, venueId] = [randomUUID(), randomUUID(), randomUUID()];
    // Arrange what the projections would hold, straight in the agent's database.
    await db.query('INSERT INTO users (id, version) VALUES ($1, 1), ($2, 1)', [organizer, invitee]);
    await db.query(`INSERT INTO venues (id, name, capacity, version) VALUES ($1, 'Lumen', 10, 1)`, [
      venueId,
    ]);
    const created = await call<{ id: string }>(first, '/plans', organizer, {
      venueId,
      startsAt: inHours(24).toISOString(),
      inviteeIds: [invitee],
    });
    expect(created.status).toBe(201);
    const planId = created.body.id;
    const accepted = await call<{ status: string }>(first, `/plans/${planId}/accept`, invitee);
    expect(accepted.body.status).toBe('booking');

    const held = await waitFor(
      () =>
        row<{ reference: string }>(
          'SELECT reference FROM venue_reservations WHERE request_key = $1',
          [planId],
        ),
      { timeoutMs: 90_000, intervalMs: 20, message: 'the provider to book' },
    );
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await row('SELECT status FROM plans WHERE id = $1', [planId])).toEqual({
      status: 'booking',
    });
    expect(await row('SELECT count(*)::int AS n FROM bookings', [])).toEqual({ n: 0 });

    await startAgent();
    await waitFor(
      async () =>
        (await row<{ status: string }>('SELECT status FROM plans WHERE id = $1', [planId]))
          ?.status === 'booked',
      { timeoutMs: 120_000, message: 'the restarted agent to book the plan' },
    );
    expect(
      await row('SELECT count(*)::int AS n, min(reference) AS reference FROM bookings', []),
    ).toEqual({
      n: 1,
      reference: held.reference,
    });
    expect(
      await row('SELECT count(*)::int AS n FROM venue_reservations WHERE released_at IS NULL', []),
    ).toEqual({ n: 1 });
    const confirmed = await waitFor(() => {
      const found = kafka.messages
        .map((m) => m.json as Envelope<BookingData>)
        .filter((e) => e.aggregateId === planId);
      return found.length > 0 ? found : undefined;
    });
    await waitFor(
      async () => (await row<{ n: number }>('SELECT count(*)::int AS n FROM outbox', []))?.n === 0,
    );
    expect(confirmed.map((e) => e.data.reference)).toEqual([held.reference]);
    console.log(
      `killed after the provider booked ${held.reference}; after the restart: 1 booking, ` +
        `1 reservation, ${confirmed.length} booking.confirmed`,
    );
  }, 300_000);
});
