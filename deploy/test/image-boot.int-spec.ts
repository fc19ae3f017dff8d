import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceName } from '@rendezvous/contracts';
import { ALL_TOPICS, dlqTopic } from '@rendezvous/contracts';
import { testInfra, testKafka, waitFor } from '@rendezvous/testing';
import { ConfigResourceTypes } from 'kafkajs';
import { Client } from 'pg';
import { APPS } from './support/app-settings';
import { ROOT } from './support/manifests';

// What the Dockerfile does, without Docker: tools/deploy/build.sh installs the production
// dependencies once into a clean folder (the layer all images share) and builds each app
// beside them; each app then boots there on Node 24 against the real infrastructure, with a
// database, Redis database and consumer group of its own beside whatever suite is running.

const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const BUILD = join(ROOT, 'tools', 'deploy', 'build.sh');
// A Redis database of its own, so a booted app finds nothing of the running suite's there.
const REDIS_URL = `${testInfra.redisUrl.replace(/\/\d*$/, '')}/11`;

/** The machine's PATH and HOME only: nothing of the test runner's NODE_OPTIONS or npm state. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], HOME: process.env['HOME'], ...extra };
}

function build(args: string[]): void {
  const result = spawnSync('bash', [BUILD, ...args], {
    // The packages are in npm's cache since the development install.
    env: cleanEnv({ npm_config_prefer_offline: 'true', SCARF_ANALYTICS: 'false' }),
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (result.status !== 0) {
    throw new Error(`build.sh ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function signingKey(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(cwd: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(NODE, args, { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-6000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

/** The gateway's image serves the admin portal built beside it, hashed files and all. */
async function expectAdminPortal(base: string): Promise<void> {
  const page = await fetch(`${base}/admin/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.headers.get('cache-control')).toBe('no-cache');
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self';");
  const assets = [...(await page.text()).matchAll(/\/admin\/assets\/[^"'\s]+/g)].map(
    ([path]) => path,
  );
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) {
    const answer = await fetch(`${base}${asset}`);
    await answer.arrayBuffer();
    expect({ asset, status: answer.status, cache: answer.headers.get('cache-control') }).toEqual({
      asset,
      status: 200,
      cache: 'public, max-age=31536000, immutable',
    });
  }
}

async function status(url: string): Promise<number | undefined> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status;
  } catch {
    return undefined;
  }
}

describe('app images built by tools/deploy/build.sh', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rendezvous-image-'));
  const databases: string[] = [];

  // Each app is built once, for every test that needs its folder.
  const built = new Set<string>();
  const appFolder = (app: string) => {
    const dir = join(folder, app);
    if (!built.has(app)) build(['app', app, dir]);
    built.add(app);
    return dir;
  };

  beforeAll(() => build(['deps', folder]), 300_000);

  afterAll(async () => {
    const admin = new Client({ ...testInfra.postgres, database: 'postgres' });
    await admin.connect();
    for (const name of databases)
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    rmSync(folder, { recursive: true, force: true });
  });

  it('installs the production dependencies only, with the development runtime patches', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const modules = join(folder, 'node_modules');
    const installed = readdirSync(modules)
      .filter((name) => !name.startsWith('.'))
      .flatMap((name) =>
        name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name],
      );
    // The lockfile marks what only development needs.
    expect(installed.filter((name) => lock.packages[`node_modules/${name}`]?.dev)).toEqual([]);
    for (const tool of [
      'node',
      'typescript',
      'jest',
      'nx',
      '@swc/core',
      'eslint',
      'patch-package',
    ]) {
      expect({ tool, installed: installed.includes(tool) }).toEqual({ tool, installed: false });
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies).filter((name) => !installed.includes(name))).toEqual(
      [],
    );
    const queue = readFileSync(
      join(modules, 'kafkajs', 'src', 'network', 'requestQueue', 'index.js'),
      'utf8',
    );
    expect(queue).toContain('kafkajs#1751');
  });

  it.each(APPS)(
    '%s boots from its clean folder, reports ready and stops cleanly on SIGTERM',
    async (app: ServiceName) => {
      const dir = appFolder(app);
      expect(readdirSync(dir).sort()).toEqual(['dist', 'package.json']);

      const port = await freePort();
      const database = `rendezvous_test_image_${app.replace(/-/g, '_')}_${randomUUID().slice(0, 8)}`;
      databases.push(database);
      const env: Record<string, string> = {
        NODE_ENV: 'production',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        HOST: '127.0.0.1',
        POSTGRES_HOST: testInfra.postgres.host,
        POSTGRES_PORT: String(testInfra.postgres.port),
        POSTGRES_USER: testInfra.postgres.user,
        POSTGRES_PASSWORD: testInfra.postgres.password ?? '',
        // Created by the app itself, as on a first deployment.
        POSTGRES_DB: database,
        REDIS_URL,
        KAFKA_BROKERS: testInfra.kafkaBrokers.join(','),
        KAFKA_CONSUMER_GROUP: `${app}-image-test-${randomUUID().slice(0, 8)}`,
        ...(app === 'user' ? { JWT_PRIVATE_KEY: signingKey() } : {}),
        ...(app === 'proximity' ? { PROXIMITY_HMAC_KEY: randomUUID() + randomUUID() } : {}),
      };
      // `node <folder>`: the image's CMD, through package.json's main.
      const started = start(dir, ['.'], env);
      const base = `http://127.0.0.1:${port}`;
      try {
        await waitFor(
          async () => {
            const code = started.child.exitCode;
            if (code !== null) throw new Error(`${app} exited with ${code}:\n${started.output()}`);
            return (await status(`${base}/health/ready`)) === 200;
          },
          { timeoutMs: 90_000, intervalMs: 250, message: `${app} to report ready` },
        );
        expect(await status(`${base}/health/live`)).toBe(200);
        if (app === 'gateway') await expectAdminPortal(base);
      } catch (error) {
        started.child.kill('SIGKILL');
        throw new Error(`${String(error)}\n--- ${app} output:\n${started.output()}`);
      }
      started.child.kill('SIGTERM');
      const code = await Promise.race([
        started.exited,
        new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 30_000)),
      ]);
      if (code !== 0) started.child.kill('SIGKILL');
      expect({ app, code }).toEqual({ app, code: 0 });
    },
    // The gateway's build includes the admin portal's (Vite).
    300_000,
  );

  it('creates every topic and its 14-day dead-letter topic from an app folder', async () => {
    const dir = appFolder('gateway');
    const run = start(dir, ['dist/libs/platform/src/kafka/create-topics.main.js'], {
      KAFKA_BROKERS: testInfra.kafkaBrokers.join(','),
      KAFKA_PARTITIONS: '6',
      KAFKA_REPLICATION_FACTOR: '1',
    });
    expect({ code: await run.exited, output: run.output() }).toMatchObject({ code: 0 });
    expect(run.output()).toContain(`${ALL_TOPICS.length} topics`);

    const admin = testKafka().admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const wanted = ALL_TOPICS.flatMap((topic) => [topic, dlqTopic(topic)]);
      expect(wanted.filter((topic) => !existing.has(topic))).toEqual([]);
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: dlqTopic(ALL_TOPICS[0] as string),
            configNames: ['retention.ms'],
          },
        ],
      });
      expect(resources[0]?.configEntries[0]?.configValue).toBe(String(14 * 24 * 60 * 60 * 1000));
    } finally {
      await admin.disconnect();
    }
  }, 300_000);

  it('refuses an unknown app', () => {
    expect(() => build(['app', 'billing', join(folder, 'billing')])).toThrow(
      "unknown app 'billing'",
    );
    // A static web app, built into the gateway's folder instead.
    expect(() => build(['app', 'admin-portal', join(folder, 'portal')])).toThrow(
      "unknown app 'admin-portal'",
    );
  });
});
