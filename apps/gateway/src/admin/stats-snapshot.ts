import type { StatsReportedData, StatsReporter, TopicEnvelope } from '@rendezvous/contracts';
import { STATS_REPORTERS } from '@rendezvous/contracts';
import type { DailyCounter, StatsDelta, TotalCounter } from './stats-deltas';
import { DAILY_COUNTERS } from './stats-deltas';

/** Where each reported total goes among the gateway's counters. */
const TOTALS: Readonly<Record<keyof StatsReportedData['totals'], TotalCounter>> = {
  usersTotal: 'users',
  reportsOpen: 'reportsOpen',
  eventsScheduled: 'eventsScheduled',
};

/**
 * How far before a report's `asOf` the replay after a loss starts reading: an event after `asOf`
 * reaches Kafka later than it happened, but the broker's timestamps come from other clocks.
 */
export const REPLAY_MARGIN_MS = 60_000;

/** The newest report of each service among `reports` (a compacted topic read back in full). */
export function latestReports(
  reports: readonly TopicEnvelope<'stats.reported'>[],
): Map<StatsReporter, StatsReportedData> {
  const latest = new Map<StatsReporter, StatsReportedData>();
  for (const { data } of reports) {
    const held = latest.get(data.service);
    if (!held || Date.parse(held.asOf) < Date.parse(data.asOf)) latest.set(data.service, data);
  }
  return latest;
}

/** The report's figures as additions to the gateway's counters. */
export function snapshotDeltas(report: StatsReportedData): StatsDelta[] {
  const totals = Object.entries(report.totals).flatMap(([name, value]) =>
    value === undefined ? [] : [{ counter: TOTALS[name as keyof typeof TOTALS], by: value }],
  );
  const days = report.days.flatMap(({ day, ...counts }) =>
    DAILY_COUNTERS.flatMap((counter: DailyCounter) => {
      const by = counts[counter];
      return by ? [{ counter, day, by }] : [];
    }),
  );
  return [...totals, ...days];
}

/**
 * Per service, the instant up to which its report counted the events (epoch ms): the counters
 * count only what happened after it. A service that never reported has counted nothing: -1.
 */
export function countingFloors(
  latest: ReadonlyMap<StatsReporter, StatsReportedData>,
): Record<StatsReporter, number> {
  return Object.fromEntries(
    STATS_REPORTERS.map((service) => {
      const report = latest.get(service);
      return [service, report ? Date.parse(report.asOf) : -1];
    }),
  ) as Record<StatsReporter, number>;
}

/** Where the replay after a loss starts: the margin before the oldest floor; all when one is -1. */
export function replayStart(floors: Readonly<Record<StatsReporter, number>>): Date | undefined {
  const oldest = Math.min(...Object.values(floors));
  return oldest < 0 ? undefined : new Date(oldest - REPLAY_MARGIN_MS);
}
