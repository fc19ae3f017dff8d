import type { Envelope, EventData, StatsReporter, Topic } from '@rendezvous/contracts';
import { STATS_REPORTERS, TOPIC_ORIGINS, TOPICS } from '@rendezvous/contracts';
import { QUEUE_TOPICS } from './queue-gauge';

/**
 * Counters the gateway keeps for `GET /admin/stats` and `/admin/stats/daily`; `daily` ones count
 * per UTC day. Each is a fact one service owns and reports in `stats.reported`, so it can be
 * rebuilt; the queue and proximity sessions are gauges kept otherwise (queue-gauge.ts).
 */
export const TOTAL_COUNTERS = ['users', 'eventsScheduled', 'reportsOpen'] as const;
export const DAILY_COUNTERS = [
  'signups',
  'swipes',
  'likes',
  'matches',
  'registrations',
  'bookingsConfirmed',
  'bookingsFailed',
  'reports',
] as const;

export type TotalCounter = (typeof TOTAL_COUNTERS)[number];
export type DailyCounter = (typeof DAILY_COUNTERS)[number];

export type StatsDelta =
  { counter: TotalCounter; by: number } | { counter: DailyCounter; day: string; by: number };

const dayOf = (envelope: Envelope) => envelope.occurredAt.slice(0, 10);
const daily = (counter: DailyCounter, envelope: Envelope): StatsDelta => ({
  counter,
  day: dayOf(envelope),
  by: 1,
});

type Deltas = { readonly [T in Topic]?: (envelope: Envelope<EventData<T>, T>) => StatsDelta[] };

/** How each counted event moves the counters. */
const DELTAS: Deltas = {
  [TOPICS.USER_CREATED]: (e) => [{ counter: 'users', by: 1 }, daily('signups', e)],
  [TOPICS.USER_DELETED]: () => [{ counter: 'users', by: -1 }],
  [TOPICS.SWIPE_PERFORMED]: (e) =>
    e.data.action === 'pass' ? [daily('swipes', e)] : [daily('swipes', e), daily('likes', e)],
  [TOPICS.MATCH_CREATED]: (e) => [daily('matches', e)],
  [TOPICS.EVENT_CREATED]: () => [{ counter: 'eventsScheduled', by: 1 }],
  [TOPICS.EVENT_CANCELLED]: () => [{ counter: 'eventsScheduled', by: -1 }],
  [TOPICS.EVENT_REGISTRATION_CREATED]: (e) => [daily('registrations', e)],
  [TOPICS.BOOKING_CONFIRMED]: (e) => [daily('bookingsConfirmed', e)],
  [TOPICS.BOOKING_FAILED]: (e) => [daily('bookingsFailed', e)],
  // Every decision closes its report, whatever the action.
  [TOPICS.REPORT_CREATED]: (e) => [{ counter: 'reportsOpen', by: 1 }, daily('reports', e)],
  [TOPICS.REPORT_DECIDED]: () => [{ counter: 'reportsOpen', by: -1 }],
};

/** The topics counted into the counters: the facts `stats.reported` also reports. */
export const COUNTED_TOPICS = Object.keys(DELTAS) as Topic[];

/** Every topic the stats consumer takes: the counted ones, the queue's moves and the reports. */
export const STATS_TOPICS: readonly Topic[] = [
  ...COUNTED_TOPICS,
  ...QUEUE_TOPICS,
  TOPICS.STATS_REPORTED,
];

/** The service whose `stats.reported` covers a counted topic: the one that produces it. */
export function statsOwner(topic: Topic): StatsReporter {
  const [producer] = TOPIC_ORIGINS[topic].producers;
  const owner = STATS_REPORTERS.find((reporter) => reporter === producer);
  if (!owner) throw new Error(`${topic} is not produced by a service that reports stats`);
  return owner;
}

/**
 * What makes one counted change: the event id, except for `event.cancelled`, which may be split
 * over several envelopes (recipients in chunks) carrying the same aggregate version.
 */
export function countingKey(envelope: Envelope): string {
  return envelope.type === TOPICS.EVENT_CANCELLED
    ? `${envelope.type}:${envelope.aggregateId}:${envelope.aggregateVersion}`
    : envelope.id;
}

export function statsDeltas<T extends Topic>(envelope: Envelope<EventData<T>, T>): StatsDelta[] {
  return DELTAS[envelope.type]?.(envelope) ?? [];
}
