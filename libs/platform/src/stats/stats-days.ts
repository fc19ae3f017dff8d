import type { StatsDay } from '@rendezvous/contracts';
import { STATS_REPORT_DAYS } from '@rendezvous/contracts';

const DAY_MS = 86_400_000;

/** A count a report gives per day (`signups`, `swipes`, ...). */
export type DailyStatsCount = Exclude<keyof StatsDay, 'day'>;

/** One count on one UTC day, as a query returns it. */
export interface DayCount {
  counter: DailyStatsCount;
  day: string;
  count: number;
}

/** The first instant a report covers: midnight UTC of the oldest of its days, today included. */
export function reportWindowStart(asOf: Date, days = STATS_REPORT_DAYS): Date {
  const today = Math.floor(asOf.getTime() / DAY_MS) * DAY_MS;
  return new Date(today - (days - 1) * DAY_MS);
}

/**
 * A report's `days` from counts that may come from several queries (a table and the tallies kept
 * for rows that are gone): summed per day and count, oldest first, days before `since` and counts
 * of zero left out.
 */
export function mergeDayCounts(counts: readonly DayCount[], since: Date): StatsDay[] {
  const first = since.toISOString().slice(0, 10);
  const byDay = new Map<string, StatsDay>();
  for (const { counter, day, count } of counts) {
    if (day < first || count === 0) continue;
    const item = byDay.get(day) ?? { day };
    item[counter] = (item[counter] ?? 0) + count;
    byDay.set(day, item);
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}
