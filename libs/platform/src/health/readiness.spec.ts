import type { HealthCheck, ReadinessDetail } from './health-check';
import { assessReadiness } from './readiness';

const TRACE = 'b'.repeat(32);
const up = (name: string): HealthCheck => ({ name, check: async () => undefined });
const down = (name: string, why: string): HealthCheck => ({
  name,
  check: async () => {
    throw new Error(why);
  },
});
const hanging = (name: string): HealthCheck => ({
  name,
  check: () => new Promise(() => undefined),
});
const services: ReadinessDetail = {
  key: 'services',
  collect: async () => ({ user: 'up', reco: 'down' }),
};

describe(assessReadiness.name, () => {
  it('is 200 with every dependency up, and carries extra details', async () => {
    const report = await assessReadiness([up('database'), up('kafka')], [services], TRACE, false);
    expect(report).toEqual({
      status: 200,
      body: {
        status: 'ok',
        checks: { database: 'up', kafka: 'up' },
        services: { user: 'up', reco: 'down' },
      },
    });
  });

  it('is a 503 problem naming each dependency that is down', async () => {
    const report = await assessReadiness(
      [up('database'), down('kafka', 'broker unreachable'), down('redis', 'refused')],
      [],
      TRACE,
      false,
    );
    expect(report.status).toBe(503);
    expect(report.body).toMatchObject({
      status: 503,
      code: 'COMMON.DEPENDENCY_UNAVAILABLE',
      traceId: TRACE,
      checks: { database: 'up', kafka: 'down', redis: 'down' },
      errors: [
        { path: 'kafka', message: 'broker unreachable' },
        { path: 'redis', message: 'refused' },
      ],
    });
  });

  it('counts a dependency that does not answer in time as down', async () => {
    const report = await assessReadiness([hanging('database')], [], TRACE, false);
    expect(report.status).toBe(503);
    expect(report.body['errors']).toEqual([
      { path: 'database', message: expect.stringMatching(/did not answer/) },
    ]);
  }, 10_000);

  it('turns not ready while the process shuts down', async () => {
    const report = await assessReadiness([up('database')], [], TRACE, true);
    expect(report.status).toBe(503);
    expect(report.body['errors']).toEqual([{ path: 'process', message: 'shutting down' }]);
  });
});
