import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '@rendezvous/testing';
import { loadConfig } from '../src/config/load-config';
import { PlatformConfig } from '../src/config/platform.config';
import { postgresClientConfig } from '../src/database/postgres-settings';
import { freePort, testCertificates } from './support/tls-certificates';

const BIN = '/usr/lib/postgresql/15/bin';
const PASSWORD = 'tls-test-password';

/** PostgreSQL refuses to run as root: as root, run its programs as the `postgres` user. */
const asServerUser = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];

/**
 * A PostgreSQL 15 of the test's own that accepts TLS connections only, with a password (SCRAM):
 * the platform's POSTGRES_SSLMODE settings connect to it, and an untrusted CA or a wrong password
 * is refused.
 */
describe('PostgreSQL over TLS', () => {
  let server: ChildProcess;
  let port: number;
  let trusted: string;
  let untrusted: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'postgres-tls-'));
    const own = testCertificates(dir, 'own');
    trusted = own.ca;
    untrusted = testCertificates(dir, 'other').ca;
    const serverFiles = join(dir, 'server');
    execFileSync('mkdir', ['-m', '700', serverFiles]);
    copyFileSync(own.cert, join(serverFiles, 'server.pem'));
    copyFileSync(own.key, join(serverFiles, 'server.key'));
    writeFileSync(join(serverFiles, 'password'), PASSWORD);
    chmodSync(join(serverFiles, 'server.key'), 0o600);
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      for (const path of [
        dir,
        serverFiles,
        ...['server.pem', 'server.key', 'password'].map((file) => join(serverFiles, file)),
      ]) {
        chownSync(path, uid, gid);
      }
    }
    const data = join(dir, 'data');
    const [initdb, initArgs] = asServerUser(`${BIN}/initdb`, [
      '-D',
      data,
      '-U',
      'rendezvous',
      `--pwfile=${join(serverFiles, 'password')}`,
      '-A',
      'scram-sha-256',
    ]);
    execFileSync(initdb, initArgs, { stdio: 'ignore' });
    // TLS only: a connection without it is rejected before any password is asked.
    writeFileSync(
      join(data, 'pg_hba.conf'),
      'local all all scram-sha-256\nhostnossl all all 0.0.0.0/0 reject\nhostssl all all 127.0.0.1/32 scram-sha-256\n',
    );
    port = await freePort();
    const [postgres, args] = asServerUser(`${BIN}/postgres`, [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'ssl=on',
      '-c',
      `ssl_cert_file=${join(serverFiles, 'server.pem')}`,
      '-c',
      `ssl_key_file=${join(serverFiles, 'server.key')}`,
    ]);
    server = spawn(postgres, args, { stdio: 'ignore' });
    await waitFor(
      () => {
        execFileSync(`${BIN}/pg_isready`, ['-h', '127.0.0.1', '-p', String(port)], {
          stdio: 'ignore',
        });
        return true;
      },
      { timeoutMs: 10_000, intervalMs: 100, message: 'the TLS PostgreSQL to accept connections' },
    );
  });

  afterAll(() => {
    // runuser does not pass signals on: stop the server itself, through its own tool.
    const [pgCtl, args] = asServerUser(`${BIN}/pg_ctl`, [
      '-D',
      join(dir, 'data'),
      'stop',
      '-m',
      'immediate',
    ]);
    execFileSync(pgCtl, args, { stdio: 'ignore' });
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const settings = (env: Record<string, string>) =>
    loadConfig(PlatformConfig, {
      env: {
        POSTGRES_HOST: '127.0.0.1',
        POSTGRES_PORT: String(port),
        POSTGRES_USER: 'rendezvous',
        ...env,
      },
      envFile: null,
    });

  const connectWith = async (env: Record<string, string>) => {
    const client = new Client(postgresClientConfig(settings(env), 'postgres'));
    try {
      await client.connect();
      const { rows } = await client.query<{ ssl: boolean }>(
        'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
      );
      return rows[0]?.ssl;
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  it('connects with verify-full and the CA, the password from a file', async () => {
    const passwordFile = join(dir, 'client-password');
    writeFileSync(passwordFile, `${PASSWORD}\n`);
    await expect(
      connectWith({
        POSTGRES_SSLMODE: 'verify-full',
        POSTGRES_SSL_CA_FILE: trusted,
        POSTGRES_PASSWORD_FILE: passwordFile,
      }),
    ).resolves.toBe(true);
  });

  it('is refused without TLS, with a CA that did not sign the server, and with a wrong password', async () => {
    await expect(connectWith({ POSTGRES_PASSWORD: PASSWORD })).rejects.toThrow(
      /no encryption|pg_hba/,
    );
    await expect(
      connectWith({
        POSTGRES_SSLMODE: 'verify-full',
        POSTGRES_SSL_CA_FILE: untrusted,
        POSTGRES_PASSWORD: PASSWORD,
      }),
    ).rejects.toThrow(/self[- ]signed certificate|unable to verify/i);
    await expect(
      connectWith({
        POSTGRES_SSLMODE: 'verify-full',
        POSTGRES_SSL_CA_FILE: trusted,
        POSTGRES_PASSWORD: 'wrong',
      }),
    ).rejects.toThrow(/password authentication failed/);
  });
});
