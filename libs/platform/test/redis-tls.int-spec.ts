import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Redis from 'ioredis';
import { waitFor } from '@rendezvous/testing';
import { loadConfig } from '../src/config/load-config';
import { PlatformConfig } from '../src/config/platform.config';
import { redisSecurity } from '../src/connections/connection-security';
import { closeRedis, createRedis } from '../src/redis/redis-client';
import { freePort, testCertificates } from './support/tls-certificates';

/**
 * Debian's Redis with TLS only and an ACL user (the default user off), as a managed Redis would
 * be: the platform's settings connect to it, and refuse a wrong password or an untrusted CA.
 */
describe('Redis over TLS with an ACL user', () => {
  let server: ChildProcess;
  let port: number;
  let trusted: string;
  let untrusted: string;
  const clients: Redis[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-tls-'));
    const own = testCertificates(dir, 'own');
    trusted = own.ca;
    untrusted = testCertificates(dir, 'other').ca;
    const acl = join(dir, 'users.acl');
    writeFileSync(acl, 'user rendezvous on >acl-password ~* &* +@all\nuser default off\n');
    port = await freePort();
    server = spawn(
      'redis-server',
      [
        '--port',
        '0',
        '--tls-port',
        String(port),
        '--tls-cert-file',
        own.cert,
        '--tls-key-file',
        own.key,
        '--tls-ca-cert-file',
        own.ca,
        '--tls-auth-clients',
        'no',
        '--save',
        '',
        '--appendonly',
        'no',
        '--aclfile',
        acl,
      ],
      { stdio: 'ignore' },
    );
    const probe = () => {
      try {
        execFileSync(
          'redis-cli',
          [
            '--tls',
            '--cacert',
            own.ca,
            '-p',
            String(port),
            '--user',
            'rendezvous',
            '--pass',
            'acl-password',
            '--no-auth-warning',
            'ping',
          ],
          { stdio: 'pipe' },
        );
        return true;
      } catch {
        return false;
      }
    };
    await waitFor(probe, {
      timeoutMs: 5_000,
      intervalMs: 100,
      message: 'redis-server with TLS to answer',
    });
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => closeRedis(client)));
    server?.kill();
  });

  /** The connection and the errors it reported, as the service's logger would get them. */
  const connect = (env: Record<string, string>) => {
    const errors: string[] = [];
    const logger = { warn: (_context: unknown, message: string) => void errors.push(message) };
    const config = loadConfig(PlatformConfig, {
      env: { REDIS_URL: `rediss://127.0.0.1:${port}`, ...env },
      envFile: null,
    });
    const redis = createRedis(config.REDIS_URL, 'tls-test', logger, {
      ...redisSecurity(config),
      retryStrategy: () => null,
    });
    clients.push(redis);
    return { redis, errors };
  };

  it('connects with the CA and the ACL user, the password from a file', async () => {
    const passwordFile = join(mkdtempSync(join(tmpdir(), 'secret-')), 'password');
    writeFileSync(passwordFile, 'acl-password\n');
    const { redis } = connect({
      REDIS_TLS_CA_FILE: trusted,
      REDIS_USERNAME: 'rendezvous',
      REDIS_PASSWORD_FILE: passwordFile,
    });
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
    expect(await redis.call('ACL', 'WHOAMI')).toBe('rendezvous');
  });

  it('is refused with a wrong password', async () => {
    const { redis, errors } = connect({
      REDIS_TLS_CA_FILE: trusted,
      REDIS_USERNAME: 'rendezvous',
      REDIS_PASSWORD: 'wrong',
    });
    await expect(redis.connect()).rejects.toThrow();
    expect(errors.join('\n')).toMatch(/WRONGPASS/);
  });

  it('refuses a server whose certificate another CA signed', async () => {
    const { redis, errors } = connect({
      REDIS_TLS_CA_FILE: untrusted,
      REDIS_USERNAME: 'rendezvous',
      REDIS_PASSWORD: 'acl-password',
    });
    await expect(redis.connect()).rejects.toThrow();
    expect(errors.join('\n')).toMatch(/self[- ]signed certificate|unable to verify/i);
  });
});
