import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { waitFor } from '@rendezvous/testing';
import { quickStartCommands, REPO_ROOT } from './readme-commands';
import type { SuiteProcess } from './suite-process';
import { runCommand } from './suite-process';

// A second suite beside the one the other e2e tests share, on its own ports and log folder.
const PORTS = {
  gateway: 3100,
  user: 3101,
  event: 3102,
  matching: 3103,
  proximity: 3104,
  reco: 3105,
  'booking-agent': 3106,
};
const PORT_ENV = Object.fromEntries(
  Object.entries(PORTS).map(([app, port]) => [
    `${app.toUpperCase().replace('-', '_')}_PORT`,
    String(port),
  ]),
);
const SERVICES = Object.keys(PORTS).filter((s) => s !== 'gateway');
const LOCAL_DIR = '.local/e2e-start-command';

/** The pid the start command recorded for an app's current process. */
function pidOf(app: string): number {
  return Number(readFileSync(join(REPO_ROOT, LOCAL_DIR, 'run', `${app}.pid`), 'utf8'));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function logOf(app: string, rotation = ''): string {
  return readFileSync(join(REPO_ROOT, LOCAL_DIR, 'logs', `${app}.log${rotation}`), 'utf8');
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Processes left in the started command's process group. */
function groupProcesses(groupId: number | undefined): string[] {
  try {
    return execFileSync('pgrep', ['-a', '-g', String(groupId)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

describe("the README's start command", () => {
  let suite: SuiteProcess;

  beforeAll(async () => {
    for (const port of Object.values(PORTS)) expect(await portOpen(port)).toBe(false);
    suite = runCommand(quickStartCommands().start, {
      ...PORT_ENV,
      ADMIN_EMAILS: 'admin@example.com',
      RENDEZVOUS_LOCAL_DIR: LOCAL_DIR,
    });
    await waitFor(() => /ready: all seven services up/.test(suite.output()), {
      timeoutMs: 240_000,
      intervalMs: 250,
      message: `the ready line (output so far:\n${suite.output()})`,
    });
  }, 250_000);

  afterAll(async () => {
    if (suite.running()) {
      suite.signal('SIGTERM');
      await suite.exited;
    }
  }, 60_000);

  it('prints where the gateway listens once all seven report ready', () => {
    expect(suite.output()).toMatch(/gateway on http:\/\/127\.0\.0\.1:3100/);
  });

  it('serves the gateway readiness with every service listed as up', async () => {
    const allUp = Object.fromEntries(SERVICES.map((s) => [s, 'up']));
    // The services' states are checked in the background each second, so they may lag the start.
    const body = await waitFor(
      async () => {
        const response = await fetch('http://127.0.0.1:3100/health/ready');
        expect(response.status).toBe(200);
        const answer = (await response.json()) as {
          checks: Record<string, string>;
          services: Record<string, string>;
        };
        const up = Object.values(answer.services).filter((state) => state === 'up').length;
        return up === SERVICES.length ? answer : undefined;
      },
      { timeoutMs: 5_000, message: 'every service up in the gateway readiness' },
    );
    expect(body.checks).toEqual({ redis: 'up', kafka: 'up' });
    expect(body.services).toEqual(allUp);
  });

  it.each(Object.entries(PORTS))(
    'exposes health and metrics of %s at the root of its port',
    async (_name, port) => {
      const live = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toContain('http_request_duration_seconds');
      expect(text).toContain('process_cpu_user_seconds_total');
      // The young generation as the start command sizes it (2 x 16 MiB), not Node's 2 x 64 MiB.
      const newSpace = /^nodejs_heap_space_size_total_bytes\{space="new"[^}]*\} (\d+)$/m.exec(text);
      expect(Number(newSpace?.[1])).toBeLessThanOrEqual(32 * 1024 * 1024);
    },
  );

  it('answers an unknown API route with problem details and a trace id', async () => {
    const response = await fetch('http://127.0.0.1:3100/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { code: string; traceId: string };
    expect(problem.code).toBe('COMMON.ROUTE_NOT_FOUND');
    expect(problem.traceId).toMatch(/^[\da-f]{32}$/);
  });

  /** SIGKILLs the app's process; resolves with the restart delay the start command announced. */
  async function killAndAwaitRestart(app: string): Promise<number> {
    const printedBefore = suite.output().length;
    const printedSince = () => suite.output().slice(printedBefore);
    process.kill(pidOf(app), 'SIGKILL');
    const announced = await waitFor(
      () =>
        new RegExp(`rendezvous: ${app} exited \\(signal KILL\\); restarting in (\\d+) s`).exec(
          printedSince(),
        ) ?? undefined,
      { timeoutMs: 10_000, message: `the restart line for ${app}` },
    );
    await waitFor(() => printedSince().includes(`rendezvous: ${app} is ready again`), {
      timeoutMs: 90_000,
      intervalMs: 250,
      message: `the line saying ${app} is ready again`,
    });
    return Number(announced[1]);
  }

  it("restarts an app that dies, keeping the others up and the dead run's log", async () => {
    const others = Object.keys(PORTS).filter((app) => app !== 'matching');
    const othersBefore = others.map(pidOf);
    const killed = pidOf('matching');
    const deadRunLog = logOf('matching');
    expect(deadRunLog).toContain('matching ready on');

    await killAndAwaitRestart('matching');

    const ready = await fetch(`http://127.0.0.1:${PORTS.matching}/health/ready`);
    expect(ready.status).toBe(200);
    expect(pidOf('matching')).not.toBe(killed);
    expect(isAlive(pidOf('matching'))).toBe(true);
    expect(others.map(pidOf)).toEqual(othersBefore);
    expect(othersBefore.every(isAlive)).toBe(true);
    expect(suite.output().match(/rendezvous: \S+ exited/g)).toEqual([
      'rendezvous: matching exited',
    ]);
    expect(logOf('matching', '.1').startsWith(deadRunLog)).toBe(true);
    expect(logOf('matching')).not.toContain(deadRunLog);
    await waitFor(async () => (await fetch('http://127.0.0.1:3100/health/ready')).status === 200, {
      timeoutMs: 30_000,
      message: 'the gateway to see every service up again',
    });
  }, 120_000);

  it('waits twice as long before restarting an app that dies again soon after', async () => {
    const first = await killAndAwaitRestart('reco');
    const second = await killAndAwaitRestart('reco');
    expect(second).toBe(Math.min(first * 2, 30));
  }, 200_000);

  it('stops cleanly on SIGINT: exit code 0, no app left running, every port freed', async () => {
    suite.signalCommand('SIGINT');
    expect(await suite.exited).toBe(0);
    await waitFor(() => /rendezvous: stopped/.test(suite.output()), {
      timeoutMs: 30_000,
      message: 'the stopped line',
    });
    expect(suite.output()).not.toMatch(/stopped unexpectedly|shutdown took longer/);
    await waitFor(() => groupProcesses(suite.child.pid).length === 0, {
      timeoutMs: 10_000,
      message: 'no app process left',
    });
    for (const port of Object.values(PORTS)) expect(await portOpen(port)).toBe(false);
  }, 60_000);
});
