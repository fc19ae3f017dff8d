import { TOPICS } from '@rendezvous/contracts';
import type { StatsReporter } from '@rendezvous/platform';
import { STATS_REPORTER, publishableJson } from '@rendezvous/platform';
import { anEnvelope } from '@rendezvous/testing';
import { SwipesService } from '../src/swipes/swipes.service';
import type { MatchingTestApp } from './matching-test-app';
import { startMatchingApp } from './matching-test-app';

describe('matching: stats.reported', () => {
  let t: MatchingTestApp;
  let reporter: StatsReporter;
  let swipes: SwipesService;

  beforeAll(async () => {
    t = await startMatchingApp();
    reporter = t.app.get<StatsReporter>(STATS_REPORTER);
    swipes = t.app.get(SwipesService);
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports swipes, likes (super likes too) and matches per day, a deleted person’s swipes included', async () => {
    const [ada, bob, cy] = [await t.person(), await t.person(), await t.person()];
    await swipes.swipe(ada.userId, bob.userId, 'like');
    await swipes.swipe(bob.userId, ada.userId, 'super_like');
    await swipes.swipe(ada.userId, cy.userId, 'pass');
    await swipes.swipe(cy.userId, bob.userId, 'like');
    await t.deliver(
      anEnvelope(
        TOPICS.USER_DELETED,
        { userId: cy.userId, deletedAt: new Date().toISOString() },
        { aggregateId: cy.userId, version: 2 },
      ),
    );
    const remaining = (await t.db.query('SELECT count(*)::int AS n FROM swipes')) as [
      { n: number },
    ];
    expect(remaining[0].n).toBe(2);

    const report = await reporter.snapshot();
    expect(report.data).toEqual({
      service: 'matching',
      asOf: report.data.asOf,
      totals: {},
      days: [
        {
          day: report.data.asOf.slice(0, 10),
          swipes: 4,
          likes: 3,
          matches: 1,
        },
      ],
    });
    expect(() => publishableJson(report)).not.toThrow();
  });
});
