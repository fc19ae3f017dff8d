import type { StatsReporter } from '@rendezvous/platform';
import { STATS_REPORTER, publishableJson } from '@rendezvous/platform';
import type { UserTestApp } from './user-test-app';
import { startUserApp } from './user-test-app';

describe('user service: stats.reported', () => {
  let t: UserTestApp;
  let reporter: StatsReporter;

  beforeAll(async () => {
    t = await startUserApp();
    reporter = t.app.get<StatsReporter>(STATS_REPORTER);
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports people, open reports, signups and reports per day as the gateway counts their events', async () => {
    const [ada, bob, cy] = [await t.signup(), await t.signup(), await t.signup()];
    for (const [from, about] of [
      [ada, bob],
      [bob, ada],
    ] as const) {
      const filed = await t.request('POST', '/reports', {
        token: from.accessToken,
        body: { subjectUserId: about.user.id, reason: 'spam' },
      });
      expect(filed.status).toBe(201);
    }
    expect((await t.request('DELETE', '/users/me', { token: cy.accessToken })).status).toBe(204);

    const before = Date.now();
    const report = await reporter.snapshot();
    const asOf = Date.parse(report.data.asOf);
    expect(asOf).toBeGreaterThanOrEqual(before - 1_000);
    expect(asOf).toBeLessThanOrEqual(Date.now());
    expect(report).toMatchObject({
      type: 'stats.reported',
      source: 'user',
      aggregateId: 'user',
      aggregateVersion: asOf,
      occurredAt: report.data.asOf,
    });
    // user.created ×3 and user.deleted ×1: the deleted person's signup stays counted.
    expect(report.data).toMatchObject({
      service: 'user',
      totals: { usersTotal: 2, reportsOpen: 2 },
      days: [{ day: new Date(asOf).toISOString().slice(0, 10), signups: 3, reports: 2 }],
    });
    expect(() => publishableJson(report)).not.toThrow();
  });
});
