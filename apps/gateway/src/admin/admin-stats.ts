import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Envelope } from '@rendezvous/contracts';
import {
  REDIS,
  REDIS_INBOX_LUA,
  REDIS_INBOX_TTL_SECONDS,
  redisInboxKey,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import { countingKey, statsDeltas } from './stats-deltas';

/** `GET /admin/stats` (API.md, Admin). */
export interface AdminStats {
  usersTotal: number;
  swipesToday: number;
  matchesToday: number;
  mutualMatchRate: number;
  queueWaiting: number;
  activeProximitySessions: number;
  eventsScheduled: number;
  registrationsToday: number;
  bookingsConfirmedToday: number;
  bookingsFailedToday: number;
}

/** Where the counters live in Redis; tests use their own. */
export const STATS_KEY_PREFIX = Symbol('STATS_KEY_PREFIX');
// Daily counters are kept a few days, for late events and time zones of readers.
const DAY_TTL_SECONDS = 3 * 24 * 60 * 60;

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

  async count(envelope: Envelope): Promise<void> {
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
    const n = (value: string | undefined) => Math.max(0, Number(value ?? 0));
    const likes = n(today.likes);
    const matches = n(today.matches);
    return {
      usersTotal: n(totals.users),
      swipesToday: n(today.swipes),
      matchesToday: matches,
      mutualMatchRate: likes === 0 ? 0 : Math.round((matches / likes) * 10_000) / 10_000,
      queueWaiting: n(totals.queueWaiting),
      activeProximitySessions: Number(sessions?.[1]?.[1] ?? 0),
      eventsScheduled: n(totals.eventsScheduled),
      registrationsToday: n(today.registrations),
      bookingsConfirmedToday: n(today.bookingsConfirmed),
      bookingsFailedToday: n(today.bookingsFailed),
    };
  }
}
