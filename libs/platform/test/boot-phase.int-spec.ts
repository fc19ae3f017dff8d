import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { COMMON_ERRORS, PROBLEM_CONTENT_TYPE } from '@rendezvous/contracts';
import { createTestDatabase, cutOffDatabase } from '@rendezvous/testing';
import { BootPhase, PlatformConfig, PlatformModule } from '../src';
import type { BootingApp } from './support/booting-app';
import { bootApp, errorFor } from './support/booting-app';
import { freePort, testCertificates } from './support/tls-certificates';

class TestConfig extends PlatformConfig {}

@Module({ imports: [PlatformModule.forRoot({ service: 'reco', config: TestConfig, topics: [] })] })
class WithoutDatabase {}

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'reco', config: TestConfig, topics: [], database: {} }),
  ],
})
class WithDatabase {}

const PASSWORD = 'boot-password';

/** Debian's Redis with an ACL user (the default user off), on a plain port and a TLS port. */
function startRedis(dir: string, ports: { plain: number; tls?: number }): ChildProcess {
  const acl = join(dir, 'users.acl');
  writeFileSync(acl, `user rendezvous on >${PASSWORD} ~* &* +@all\nuser default off\n`);
  const own = testCertificates(dir, 'own');
  const tls = ports.tls
    ? ['--tls-port', String(ports.tls), '--tls-cert-file', own.cert, '--tls-key-file', own.key]
    : [];
  return spawn(
    'redis-server',
    [
      ...['--port', String(ports.plain), '--bind', '127.0.0.1'],
      ...[...tls, '--tls-ca-cert-file', own.ca, '--tls-auth-clients', 'no'],
      ...['--save', '', '--appendonly', 'no', '--aclfile', acl],
    ],
    { stdio: 'ignore' },
  );
}

/**
 * From its first moment a booting process answers on its port (API.md, Health): live, and not
 * ready naming each dependency it has not connected to yet and why; once the dependency answers
 * the boot goes on and the app takes the port, with no restart.
 */
describe(BootPhase.name, () => {
  let dir: string;
  let redis: ChildProcess | undefined;
  let app: BootingApp | undefined;
  const redisPorts = { plain: 0, tls: 0 };
  let untrustedCa: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'boot-phase-'));
    untrustedCa = testCertificates(dir, 'other').ca;
    redisPorts.plain = await freePort();
    redisPorts.tls = await freePort();
    redis = startRedis(dir, redisPorts);
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  afterAll(() => {
    redis?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers live, and not ready naming redis and its refusal, while the password is wrong', async () => {
    app = await bootApp(WithoutDatabase, {
      REDIS_URL: `redis://127.0.0.1:${redisPorts.plain}`,
      REDIS_USERNAME: 'rendezvous',
      REDIS_PASSWORD: 'wrong',
    });
    const ready = await app.readyWhen(
      (answer) => /WRONGPASS/.test(errorFor(answer, 'redis')?.message ?? ''),
      'readiness to name the refused Redis password',
    );
    expect(ready.status).toBe(503);
    expect(ready.contentType).toBe(PROBLEM_CONTENT_TYPE);
    expect(ready.body).toMatchObject({
      status: 503,
      code: COMMON_ERRORS.DEPENDENCY_UNAVAILABLE,
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      checks: { redis: 'down' },
    });
    expect(JSON.stringify(ready.body)).not.toContain('wrong');

    const live = await app.get('/health/live');
    expect(live).toMatchObject({ status: 200, body: { status: 'ok' } });
    const other = await app.get('/api/v1/anything');
    expect(other).toMatchObject({
      status: 503,
      contentType: PROBLEM_CONTENT_TYPE,
      retryAfter: '1',
      body: { code: COMMON_ERRORS.SERVICE_UNAVAILABLE },
    });
  });

  it('names redis and the certificate when its CA did not sign the server', async () => {
    app = await bootApp(WithoutDatabase, {
      REDIS_URL: `rediss://127.0.0.1:${redisPorts.tls}`,
      REDIS_TLS_CA_FILE: untrustedCa,
      REDIS_USERNAME: 'rendezvous',
      REDIS_PASSWORD: PASSWORD,
    });
    const ready = await app.readyWhen(
      (answer) =>
        /self[- ]signed certificate|unable to verify/i.test(
          errorFor(answer, 'redis')?.message ?? '',
        ),
      'readiness to name the untrusted Redis certificate',
    );
    expect(ready).toMatchObject({ status: 503, body: { checks: { redis: 'down' } } });
  });

  it('goes ready without a restart once a Redis that was not there starts', async () => {
    const port = await freePort();
    app = await bootApp(WithoutDatabase, {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      REDIS_USERNAME: 'rendezvous',
      REDIS_PASSWORD: PASSWORD,
    });
    await app.readyWhen(
      (answer) => /ECONNREFUSED/.test(errorFor(answer, 'redis')?.message ?? ''),
      'readiness to name the refused Redis connection',
    );
    const late = startRedis(mkdtempSync(join(dir, 'late-')), { plain: port });
    try {
      const ready = await app.readyWhen((answer) => answer.status === 200, 'readiness');
      expect(ready.body).toMatchObject({ status: 'ok', checks: { redis: 'up', kafka: 'up' } });
      await app.started;
      // The app holds the port now: its own router answers.
      expect(await app.get('/api/v1/anything')).toMatchObject({
        status: 404,
        body: { code: COMMON_ERRORS.ROUTE_NOT_FOUND },
      });
    } finally {
      await app.stop();
      app = undefined;
      late.kill();
    }
  });

  it('names the database while it refuses connections, and goes ready once it accepts them', async () => {
    const database = await createTestDatabase();
    const letIn = await cutOffDatabase(database.name);
    try {
      app = await bootApp(WithDatabase, {
        POSTGRES_DB: database.name,
        REDIS_URL: `redis://127.0.0.1:${redisPorts.plain}`,
        REDIS_USERNAME: 'rendezvous',
        REDIS_PASSWORD: PASSWORD,
      });
      const refused = await app.readyWhen(
        (answer) =>
          /not currently accepting connections/.test(errorFor(answer, 'database')?.message ?? ''),
        'readiness to name the database refusing connections',
      );
      expect(refused.body).toMatchObject({ checks: { database: 'down' } });
      await letIn();
      await app.readyWhen((answer) => answer.status === 200, 'readiness');
      await app.started;
    } finally {
      await app?.stop();
      app = undefined;
      await database.drop();
    }
  });
});
