import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Envelope, EventData, Topic } from '@rendezvous/contracts';
import {
  REDIS,
  REDIS_INBOX_LUA,
  REDIS_INBOX_TTL_SECONDS,
  redisInboxKey,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import type { AdminStats, DailyStats } from './admin-stats.shapes';
import { countingKey, statsDeltas } from './stats-deltas';

/** The most days `/admin/stats/daily` reaches back; per-day counters are kept a little longer. */
export const MAX_STATS_DAYS = 90;

/** Where the counters live in Redis; tests use their own. */
export const STATS_KEY_PREFIX = Symbol('STATS_KEY_PREFIX');
// Daily counters outlive the longest daily report, for late events and time zones of readers.
const DAY_TTL_SECONDS = (MAX_STATS_DAYS + 2) * 24 * 60 * 60;
const DAY_MS = 24 * 60 * 60 * 1000;

const tally = (value: string | undefined) => Math.max(0, Number(value ?? 0));

/** The UTC days ending today, oldest first. */
export function lastDays(days: number, now: Date): string[] {
  return Array.from({ length: days }, (_, index) =>
    new Date(now.getTime() - (days - 1 - index) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** One day's item from its counters; a day nothing happened on is all zeros. */
export function dailyStats(day: string, counters: Record<string, string>): DailyStats {
  return {
    day,
    signups: tally(counters.signups),
    swipes: tally(counters.swipes),
    likes: tally(counters.likes),
    matches: tally(counters.matches),
    registrations: tally(counters.registrations),
    bookingsConfirmed: tally(counters.bookingsConfirmed),
    bookingsFailed: tally(counters.bookingsFailed),
    reports: tally(counters.reports),
  };
}

// KEYS[1] inbox key; ARGV: ttl, day ttl, then triples (hash key, field, by, daily 0/1).
const APPLY_LUA = `${REDIS_INBOX_LUA}
if inbox_seen(KEYS[1]) then return 0 end
for i = 3, #ARGV, 4 do
  redis.call('HINCRBY', ARGV[i], ARGV[i + 1], ARGV[i + 2])
  if ARGV[i + 3] == '1' then redis.call('EXPIRE', ARGV[i], ARGV[2]) end
end
inbox_mark(KEYS[1], ARGV[1])
return 1
`;

/** Counters from the events the gateway consumes, each event counted once (inbox in Redis). */
@Injectable()
export class AdminStatsStore {
  private readonly totals: string;
  private readonly sessions: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Optional() @Inject(STATS_KEY_PREFIX) private readonly prefix = 'stats',
  ) {
    this.totals = `${prefix}:totals`;
    this.sessions = `${prefix}:proximity:sessions`;
  }

  private dayKey(day: string): string {
    return `${this.prefix}:day:${day}`;
  }

  async count<T extends Topic>(envelope: Envelope<EventData<T>, T>): Promise<void> {
    const deltas = statsDeltas(envelope);
    if (deltas.length === 0) return;
    const args = deltas.flatMap((d) =>
      'day' in d
        ? [this.dayKey(d.day), d.counter, String(d.by), '1']
        : [this.totals, d.counter, String(d.by), '0'],
    );
    await this.redis.eval(
      APPLY_LUA,
      1,
      redisInboxKey('gateway', `${this.prefix}:${countingKey(envelope)}`),
      String(REDIS_INBOX_TTL_SECONDS),
      String(DAY_TTL_SECONDS),
      ...args,
    );
  }

  /** A live proximity session per person, until it expires or the person is deleted. */
  async sessionStarted(userId: string, expiresAt: string): Promise<void> {
    await this.redis.zadd(this.sessions, Date.parse(expiresAt), userId);
  }

  async forget(userId: string): Promise<void> {
    await this.redis.zrem(this.sessions, userId);
  }

  async read(now = new Date()): Promise<AdminStats> {
    const [totals, today, sessions] = await Promise.all([
      this.redis.hgetall(this.totals),
      this.redis.hgetall(this.dayKey(now.toISOString().slice(0, 10))),
      this.redis
        .multi()
        .zremrangebyscore(this.sessions, '-inf', now.getTime())
        .zcard(this.sessions)
        .exec(),
    ]);
    const likes = tally(today.likes);
    const matches = tally(today.matches);
    return {
      usersTotal: tally(totals.users),
      swipesToday: tally(today.swipes),
      matchesToday: matches,
      mutualMatchRate: likes === 0 ? 0 : Math.round((matches / likes) * 10_000) / 10_000,
      queueWaiting: tally(totals.queueWaiting),
      activeProximitySessions: Number(sessions?.[1]?.[1] ?? 0),
      eventsScheduled: tally(totals.eventsScheduled),
      registrationsToday: tally(today.registrations),
      bookingsConfirmedToday: tally(today.bookingsConfirmed),
      bookingsFailedToday: tally(today.bookingsFailed),
      reportsOpen: tally(totals.reportsOpen),
    };
  }

  /** The last `days` UTC days, oldest first, today included. */
  async readDaily(days: number, now = new Date()): Promise<DailyStats[]> {
    const dates = lastDays(days, now);
    const pipeline = this.redis.pipeline();
    for (const day of dates) pipeline.hgetall(this.dayKey(day));
    const results = (await pipeline.exec()) ?? [];
    return dates.map((day, index) => {
      const [error, counters] = results[index] ?? [null, {}];
      if (error) throw error;
      return dailyStats(day, (counters ?? {}) as Record<string, string>);
    });
  }
}
