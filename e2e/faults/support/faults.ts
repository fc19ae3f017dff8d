import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../readme-commands';
import type { SuiteApp } from './readiness-watch';

/** A fault as an operator meets it: `inject` breaks something, `heal` is what comes back by itself or by hand. */
export interface Fault {
  name: string;
  inject(): Promise<void>;
  /** Runs `afterMs` after `inject` (a process the supervisor restarts needs nothing). */
  heal?: { afterMs: number; run(): Promise<void> };
}

// Never synchronous: the test's clients and sockets go on while a command runs.
const run = async (command: string, args: string[]) => {
  await promisify(execFile)(command, args, { cwd: REPO_ROOT, timeout: 120_000 });
};

const pidOf = (file: string) => Number(readFileSync(join(REPO_ROOT, file), 'utf8').trim());

/** SIGKILL one app of the suite; `npm start`'s supervisor restarts it. */
export function killApp(app: SuiteApp): Fault {
  return {
    name: `${app} SIGKILLed`,
    inject: async () => {
      process.kill(pidOf(`.local/run/${app}.pid`), 'SIGKILL');
    },
  };
}

/** SIGKILL the broker and start it again after `downMs`. */
export function killKafka(downMs = 5_000): Fault {
  return {
    name: `Kafka SIGKILLed, back after ${downMs / 1000} s`,
    inject: async () => {
      process.kill(pidOf('.local/kafka/kafka.pid'), 'SIGKILL');
    },
    heal: { afterMs: downMs, run: () => run('bash', ['tools/kafka/kafka.sh', 'start']) },
  };
}

/** Restart the PostgreSQL cluster (every connection dropped, down for the restart). */
export function restartPostgres(): Fault {
  const cluster = execFileSync('pg_lsclusters', ['--no-header'])
    .toString()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((fields) => fields[2] === '5432');
  if (!cluster) throw new Error('no local PostgreSQL cluster on port 5432');
  return {
    name: 'PostgreSQL restarted',
    inject: () =>
      run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster[0], cluster[1], 'restart']),
  };
}

/** Redis as it runs here: no persistence, so a restart loses everything it held. */
export function restartRedis(): Fault {
  return {
    name: 'Redis restarted (data lost)',
    inject: async () => {
      await run('redis-cli', ['-p', '6379', 'flushall']);
      try {
        await run('redis-cli', ['-p', '6379', 'shutdown', 'nosave']);
      } catch {
        // redis-cli may report the connection the shutdown closed.
      }
    },
    heal: { afterMs: 1_000, run: () => run('bash', ['tools/infra/redis.sh', 'ensure']) },
  };
}
