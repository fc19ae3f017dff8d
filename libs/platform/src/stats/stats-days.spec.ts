import { mergeDayCounts, reportWindowStart } from './stats-days';

describe(reportWindowStart.name, () => {
  it('starts at midnight UTC of the 90th day back, today being the first', () => {
    expect(reportWindowStart(new Date('2026-12-04T23:59:59.999Z')).toISOString()).toBe(
      '2026-09-06T00:00:00.000Z',
    );
    expect(reportWindowStart(new Date('2026-12-04T00:00:00.000Z'), 1).toISOString()).toBe(
      '2026-12-04T00:00:00.000Z',
    );
  });
});

describe(mergeDayCounts.name, () => {
  const since = new Date('2026-12-01T00:00:00.000Z');

  it('sums the same count of the same day from several sources', () => {
    expect(
      mergeDayCounts(
        [
          { counter: 'swipes', day: '2026-12-02', count: 3 },
          { counter: 'likes', day: '2026-12-02', count: 1 },
          { counter: 'swipes', day: '2026-12-02', count: 2 },
        ],
        since,
      ),
    ).toEqual([{ day: '2026-12-02', swipes: 5, likes: 1 }]);
  });

  it('orders days oldest first and leaves out zeros and days before the window', () => {
    expect(
      mergeDayCounts(
        [
          { counter: 'signups', day: '2026-12-03', count: 1 },
          { counter: 'signups', day: '2026-11-30', count: 7 },
          { counter: 'reports', day: '2026-12-02', count: 0 },
          { counter: 'reports', day: '2026-12-01', count: 2 },
        ],
        since,
      ),
    ).toEqual([
      { day: '2026-12-01', reports: 2 },
      { day: '2026-12-03', signups: 1 },
    ]);
  });
});
