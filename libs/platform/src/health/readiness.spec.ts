import { waitFor } from '@rendezvous/testing';
import type { HealthCheck, ReadinessDetail } from './health-check';
import { assessReadiness } from './readiness';
import type { DependencyState, ReadinessSnapshot } from './readiness-monitor';
import { ReadinessMonitor } from './readiness-monitor';

const TRACE = 'b'.repeat(32);
const NOW = 1_000_000;

function dependency(
  name: string,
  verdict: 'up' | 'down' | 'never-up',
  gates = true,
  error = `${name} unreachable`,
): DependencyState {
  return {
    name,
    gates,
    up: verdict === 'up',
    everUp: verdict !== 'never-up',
    checkedAt: NOW - 250,
    ...(verdict === 'up' ? {} : { error }),
  };
}

const snapshot = (...dependencies: DependencyState[]): ReadinessSnapshot => ({
  dependencies,
  details: {},
});

describe(assessReadiness.name, () => {
  it('is 200 with every dependency up, with each check’s age and extra details', () => {
    const report = assessReadiness(
      {
        dependencies: [dependency('database', 'up'), dependency('kafka', 'up', false)],
        details: { services: { user: 'up', reco: 'down' } },
      },
      TRACE,
      false,
      NOW,
    );
    expect(report).toEqual({
      status: 200,
      body: {
        status: 'ok',
        checks: { database: 'up', kafka: 'up' },
        checkAgeMs: { database: 250, kafka: 250 },
        services: { user: 'up', reco: 'down' },
      },
    });
  });

  it('stays 200 when a dependency the requests do not need is lost after start', () => {
    const report = assessReadiness(
      snapshot(dependency('database', 'up'), dependency('kafka', 'down', false)),
      TRACE,
      false,
      NOW,
    );
    expect(report.status).toBe(200);
    expect(report.body['checks']).toEqual({ database: 'up', kafka: 'down' });
  });

  it('is a 503 problem naming each gating dependency that is down', () => {
    const report = assessReadiness(
      snapshot(
        dependency('database', 'up'),
        dependency('redis', 'down', true, 'refused'),
        dependency('kafka', 'down', false),
      ),
      TRACE,
      false,
      NOW,
    );
    expect(report.status).toBe(503);
    expect(report.body).toMatchObject({
      status: 503,
      code: 'COMMON.DEPENDENCY_UNAVAILABLE',
      traceId: TRACE,
      checks: { database: 'up', redis: 'down', kafka: 'down' },
      errors: [{ path: 'redis', message: 'refused' }],
    });
  });

  it('is 503 until every dependency, gating or not, has answered once', () => {
    const never: DependencyState = { name: 'kafka', gates: false, up: false, everUp: false };
    const report = assessReadiness(snapshot(dependency('database', 'up'), never), TRACE, false);
    expect(report.status).toBe(503);
    expect(report.body['errors']).toEqual([{ path: 'kafka', message: 'not checked yet' }]);
    expect(report.body['checkAgeMs']).toEqual({ database: expect.any(Number) });
  });

  it('turns not ready while the process shuts down', () => {
    const report = assessReadiness(snapshot(dependency('database', 'up')), TRACE, true, NOW);
    expect(report.status).toBe(503);
    expect(report.body['errors']).toEqual([{ path: 'process', message: 'shutting down' }]);
  });
});

describe(ReadinessMonitor.name, () => {
  /** A check whose dependency the test turns up, down or unresponsive. */
  function controlled(name: string) {
    let mode: 'up' | 'down' | 'hang' = 'up';
    let calls = 0;
    const check: HealthCheck = {
      name,
      check: () => {
        calls++;
        if (mode === 'hang') return new Promise(() => undefined);
        return mode === 'up' ? Promise.resolve() : Promise.reject(new Error(`${name} refused`));
      },
    };
    return {
      check,
      set: (next: typeof mode) => {
        mode = next;
      },
      calls: () => calls,
    };
  }

  const monitors: ReadinessMonitor[] = [];
  afterEach(() => monitors.splice(0).forEach((m) => m.stop()));

  function monitor(checks: HealthCheck[], gates: string[], details: ReadinessDetail[] = []) {
    const m = new ReadinessMonitor(checks, details, {
      gates: new Set(gates),
      intervalMs: 20,
      timeoutMs: 100,
    });
    monitors.push(m);
    return m;
  }

  const statusOf = (m: ReadinessMonitor) => assessReadiness(m.snapshot(), TRACE, false).status;

  it('has its first verdicts once started, and refuses a gate that names no check', async () => {
    const database = controlled('database');
    const m = monitor([database.check], ['database']);
    await m.start();
    expect(m.snapshot().dependencies).toEqual([
      expect.objectContaining({ name: 'database', up: true, everUp: true }),
    ]);
    expect(() => monitor([database.check], ['redis'])).toThrow(/redis/);
  });

  it('answers from the last verdicts at once while a dependency hangs, and calls it down', async () => {
    const database = controlled('database');
    const kafka = controlled('kafka');
    const m = monitor([database.check, kafka.check], ['database']);
    await m.start();
    kafka.set('hang');
    await waitFor(() => m.snapshot().dependencies[1]?.up === false, { message: 'kafka down' });
    const started = performance.now();
    const report = assessReadiness(m.snapshot(), TRACE, false);
    expect(performance.now() - started).toBeLessThan(50);
    expect(report.status).toBe(200);
    expect(report.body['checks']).toEqual({ database: 'up', kafka: 'down' });
    expect(m.snapshot().dependencies[1]?.error).toMatch(/did not answer within 100 ms/);

    database.set('down');
    await waitFor(() => statusOf(m) === 503, { message: 'not ready without the database' });
    database.set('up');
    kafka.set('up');
    await waitFor(() => statusOf(m) === 200, { message: 'ready again' });
  });

  it('keeps checking in the background, and stops when told', async () => {
    jest.useFakeTimers();
    try {
      const redis = controlled('redis');
      const m = monitor([redis.check], ['redis']);
      await m.start();
      await jest.advanceTimersByTimeAsync(60); // three intervals
      expect(redis.calls()).toBeGreaterThanOrEqual(3);
      m.stop();
      const after = redis.calls();
      await jest.advanceTimersByTimeAsync(200); // ten more intervals
      expect(redis.calls()).toBe(after);
    } finally {
      jest.useRealTimers();
    }
  });

  it('collects extra details in the background and keeps the last ones', async () => {
    let failing = false;
    let calls = 0;
    const services: ReadinessDetail = {
      key: 'services',
      collect: async () => {
        calls++;
        if (failing) throw new Error('gone');
        return { user: 'up' };
      },
    };
    const m = monitor([], [], [services]);
    await m.start();
    await waitFor(() => m.snapshot().details['services'], { message: 'details' });
    failing = true;
    const before = calls;
    await waitFor(() => calls >= before + 2, { message: 'failed collections' });
    expect(m.snapshot().details).toEqual({ services: { user: 'up' } });
  });
});
