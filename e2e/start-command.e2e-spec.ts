import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { waitFor } from '@rendezvous/testing';
import { quickStartCommands } from './readme-commands';
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
      RENDEZVOUS_LOCAL_DIR: '.local/e2e-start-command',
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
    const response = await fetch('http://127.0.0.1:3100/health/ready');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      checks: Record<string, string>;
      services: Record<string, string>;
    };
    expect(body.checks).toEqual({ redis: 'up', kafka: 'up' });
    expect(body.services).toEqual(Object.fromEntries(SERVICES.map((s) => [s, 'up'])));
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
