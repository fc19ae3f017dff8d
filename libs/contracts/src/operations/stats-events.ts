import type { Static } from '../events/schema-builder';
import { Closed, DateTime, defineEvent, OneOf, Type } from '../events/schema-builder';

/** The services that own a fact `GET /admin/stats` counts, each reporting only its own. */
export const STATS_REPORTERS = ['user', 'matching', 'event', 'booking-agent'] as const;
export type StatsReporter = (typeof STATS_REPORTERS)[number];

/** How far back a report's `days` reach: the longest `GET /admin/stats/daily`. */
export const STATS_REPORT_DAYS = 90;

const Count = () => Type.Optional(Type.Integer({ minimum: 0 }));

/** The all-time figures, each reported by the service that owns it. */
export const STATS_TOTALS = Closed({
  usersTotal: Count(),
  reportsOpen: Count(),
  eventsScheduled: Count(),
});
export type StatsTotals = Static<typeof STATS_TOTALS>;

/** One UTC day's counts; a count a service does not own is absent, a day with none may be. */
export const STATS_DAY = Closed({
  day: Type.String({ format: 'date' }),
  signups: Count(),
  swipes: Count(),
  likes: Count(),
  matches: Count(),
  registrations: Count(),
  bookingsConfirmed: Count(),
  bookingsFailed: Count(),
  reports: Count(),
});
export type StatsDay = Static<typeof STATS_DAY>;

/**
 * `stats.reported`, a compacted topic; key = the reporting service, `aggregateVersion` = `asOf`
 * in epoch milliseconds. Each service that owns a counted fact reports its figures from its own
 * database every `STATS_REPORT_INTERVAL_SECONDS`, all read in one snapshot taken at `asOf`: the
 * gateway rebuilds its admin counters from the latest report after Redis lost them.
 */
export const STATS_REPORTED = defineEvent(
  1,
  Closed({
    service: OneOf(STATS_REPORTERS),
    asOf: DateTime(),
    totals: STATS_TOTALS,
    days: Type.Array(STATS_DAY, { maxItems: STATS_REPORT_DAYS }),
  }),
);
export type StatsReportedData = Static<typeof STATS_REPORTED.data>;
