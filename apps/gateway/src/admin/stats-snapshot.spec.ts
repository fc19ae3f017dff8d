import type { StatsReportedData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { aPartialEnvelope } from '@rendezvous/testing';
import {
  countingFloors,
  latestReports,
  REPLAY_MARGIN_MS,
  replayStart,
  snapshotDeltas,
} from './stats-snapshot';

const report = (data: Partial<StatsReportedData>): StatsReportedData => ({
  service: 'user',
  asOf: '2026-12-04T10:00:00.000Z',
  totals: {},
  days: [],
  ...data,
});

describe(snapshotDeltas.name, () => {
  it("adds the report's totals and per-day counts to the counters", () => {
    expect(
      snapshotDeltas(
        report({
          totals: { usersTotal: 12, reportsOpen: 0 },
          days: [
            { day: '2026-12-03', signups: 2, reports: 1 },
            { day: '2026-12-04', signups: 1 },
          ],
        }),
      ),
    ).toEqual([
      { counter: 'users', by: 12 },
      { counter: 'reportsOpen', by: 0 },
      { counter: 'signups', day: '2026-12-03', by: 2 },
      { counter: 'reports', day: '2026-12-03', by: 1 },
      { counter: 'signups', day: '2026-12-04', by: 1 },
    ]);
  });

  it('sums with the replayed events to what live counting gives', () => {
    // Live: 3 signups on the day, 2 before asOf (in the report) and 1 after (replayed).
    const restored = snapshotDeltas(report({ days: [{ day: '2026-12-04', signups: 2 }] }));
    const replayed = [{ counter: 'signups', day: '2026-12-04', by: 1 }];
    const sum = [...restored, ...replayed].reduce((total, delta) => total + delta.by, 0);
    expect(sum).toBe(3);
  });
});

describe(latestReports.name, () => {
  it("keeps each service's newest report, whatever order the topic gives", () => {
    const envelope = (data: Partial<StatsReportedData>) =>
      aPartialEnvelope(TOPICS.STATS_REPORTED, report(data));
    const latest = latestReports([
      envelope({ service: 'matching', asOf: '2026-12-04T10:01:00.000Z' }),
      envelope({ service: 'user', asOf: '2026-12-04T10:02:00.000Z' }),
      envelope({ service: 'matching', asOf: '2026-12-04T10:00:00.000Z' }),
    ]);
    expect([...latest.entries()].map(([service, data]) => [service, data.asOf])).toEqual([
      ['matching', '2026-12-04T10:01:00.000Z'],
      ['user', '2026-12-04T10:02:00.000Z'],
    ]);
  });
});

describe(replayStart.name, () => {
  it('starts the margin before the oldest floor', () => {
    const floors = countingFloors(
      latestReports(
        (['user', 'matching', 'event', 'booking-agent'] as const).map((service, minutes) =>
          aPartialEnvelope(
            TOPICS.STATS_REPORTED,
            report({ service, asOf: `2026-12-04T10:0${minutes}:00.000Z` }),
          ),
        ),
      ),
    );
    expect(replayStart(floors)).toEqual(
      new Date(Date.parse('2026-12-04T10:00:00.000Z') - REPLAY_MARGIN_MS),
    );
  });

  it('replays everything when a service never reported (its floor is -1)', () => {
    const floors = countingFloors(
      latestReports([aPartialEnvelope(TOPICS.STATS_REPORTED, report({}))]),
    );
    expect(floors).toMatchObject({ user: Date.parse('2026-12-04T10:00:00.000Z'), matching: -1 });
    expect(replayStart(floors)).toBeUndefined();
  });
});
