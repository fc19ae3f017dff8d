import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type {
  AnyEnvelope,
  Envelope,
  EventData,
  StatsReportedData,
  StatsReporter,
  Topic,
  TopicEnvelope,
} from '@rendezvous/contracts';
import { STATS_REPORTERS } from '@rendezvous/contracts';
import {
  REDIS,
  REDIS_INBOX_LUA,
  REDIS_INBOX_TTL_SECONDS,
  redisInboxKey,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import type { AdminStats, DailyStats } from './admin-stats.shapes';
import { ticketMoves } from './queue-gauge';
import type { StatsDelta } from './stats-deltas';
import { countingKey, statsDeltas, statsOwner } from './stats-deltas';
import { countingFloors, snapshotDeltas } from './stats-snapshot';

/** The most days `/admin/stats/daily` reaches back; per-day counters are kept a little longer. */
export const MAX_STATS_DAYS = 90;

/** Where the counters live in Redis; tests use their own. */
export const STATS_KEY_PREFIX = Symbol('STATS_KEY_PREFIX');
// Daily counters outlive the longest daily report, for late events and time zones of readers.
const DAY_TTL_SECONDS = (MAX_STATS_DAYS + 2) * 24 * 60 * 60;
const DAY_MS = 24 * 60 * 60 * 1000;
// Queue tickets wait minutes; moves older than this are stale redeliveries.
const TICKET_HORIZON_MS = DAY_MS;
const GENERATION = '_generation';

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

// KEYS[1] floors; ARGV: inbox ttl, day ttl, owner, occurredAt ms, inbox id, then quads (hash
// key, field, by, daily 0/1). No floors: the counters were lost and are not restored yet, so
// nothing is counted or marked (the rebuild's replay counts it). At or before the owner's floor:
// its report counted it.
const COUNT_LUA = `${REDIS_INBOX_LUA}
local floor = redis.call('HGET', KEYS[1], ARGV[3])
if not floor then return -1 end
if tonumber(ARGV[4]) <= tonumber(floor) then return 0 end
local inbox = ARGV[5] .. ':' .. redis.call('HGET', KEYS[1], '${GENERATION}')
if inbox_seen(inbox) then return 0 end
for i = 6, #ARGV, 4 do
  redis.call('HINCRBY', ARGV[i], ARGV[i + 1], ARGV[i + 2])
  if ARGV[i + 3] == '1' then redis.call('EXPIRE', ARGV[i], ARGV[2]) end
end
inbox_mark(inbox, ARGV[1])
return 1
`;

// KEYS[1] floors, KEYS[2..] the counters to start from zero; ARGV: day ttl, generation, number
// of floors n, n pairs (service, floor ms), then quads as above. Once per loss: replicas
// rebuilding together, or a rebuild run again, find the floors and change nothing.
const RESTORE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 2, #KEYS do redis.call('DEL', KEYS[i]) end
local n = tonumber(ARGV[3])
for i = 4, 3 + 2 * n, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[1], '${GENERATION}', ARGV[2])
for i = 4 + 2 * n, #ARGV, 4 do
  redis.call('HINCRBY', ARGV[i], ARGV[i + 1], ARGV[i + 2])
  if ARGV[i + 3] == '1' then redis.call('EXPIRE', ARGV[i], ARGV[1]) end
end
return 1
`;

// KEYS[1] waiting tickets, KEYS[2] ended tickets (both scored by the time of their last move);
// ARGV: at ms, horizon ms, then pairs (ticket id, 1 waiting / 0 ended). A move older than the
// ticket's last one is out of order and changes nothing; an end wins a tie.
const TICKETS_LUA = `
local at = tonumber(ARGV[1])
for i = 3, #ARGV, 2 do
  local id = ARGV[i]
  local last = math.max(tonumber(redis.call('ZSCORE', KEYS[1], id) or '-1'),
    tonumber(redis.call('ZSCORE', KEYS[2], id) or '-1'))
  if ARGV[i + 1] == '1' and at > last then
    redis.call('ZREM', KEYS[2], id)
    redis.call('ZADD', KEYS[1], at, id)
  elseif ARGV[i + 1] == '0' and at >= last then
    redis.call('ZREM', KEYS[1], id)
    redis.call('ZADD', KEYS[2], at, id)
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
return 1
`;

// KEYS[1] reports; ARGV: service, asOf ms, data JSON. Only a newer report replaces the held one.
const KEEP_REPORT_LUA = `
local held = redis.call('HGET', KEYS[1], ARGV[1] .. ':asOf')
if held and tonumber(held) >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3], ARGV[1] .. ':asOf', ARGV[2])
return 1
`;

// KEYS[1] live sessions (person -> expiry), KEYS[2] person -> session id; ARGV: person, expiry
// ms, session id. A session that ends later than the held one replaces it (one per person).
const SESSION_STARTED_LUA = `
local held = redis.call('ZSCORE', KEYS[1], ARGV[1])
if held and tonumber(held) > tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return 1
`;

// KEYS as above; ARGV: person, session id. Only the session held for the person ends it.
const SESSION_ENDED_LUA = `
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
`;

// KEYS as above; ARGV: now ms. Drops expired sessions and answers how many are live.
const LIVE_SESSIONS_LUA = `
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if #expired > 0 then
  redis.call('ZREM', KEYS[1], unpack(expired))
  redis.call('HDEL', KEYS[2], unpack(expired))
end
return redis.call('ZCARD', KEYS[1])
`;

/** What became of an event given to `count`. */
export type CountResult = 'counted' | 'skipped' | 'lost';

/**
 * Counters from the events the gateway consumes, each event counted once (inbox in Redis), and
 * written back from the services' `stats.reported` after Redis lost them (AdminStatsRecovery).
 */
@Injectable()
export class AdminStatsStore {
  private readonly totals: string;
  private readonly sessions: string;
  private readonly sessionIds: string;
  private readonly floors: string;
  private readonly waiting: string;
  private readonly ended: string;
  private readonly reports: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Optional() @Inject(STATS_KEY_PREFIX) readonly prefix = 'stats',
  ) {
    this.totals = `${prefix}:totals`;
    this.sessions = `${prefix}:proximity:sessions`;
    this.sessionIds = `${prefix}:proximity:session-ids`;
    this.floors = `${prefix}:floors`;
    this.waiting = `${prefix}:queue:waiting`;
    this.ended = `${prefix}:queue:ended`;
    this.reports = `${prefix}:reports`;
  }

  private dayKey(day: string): string {
    return `${this.prefix}:day:${day}`;
  }

  private deltaArgs(deltas: readonly StatsDelta[]): string[] {
    return deltas.flatMap((d) =>
      'day' in d
        ? [this.dayKey(d.day), d.counter, String(d.by), '1']
        : [this.totals, d.counter, String(d.by), '0'],
    );
  }

  /**
   * Counts an event unless its service's last restored report already did, or the counters are
   * lost and not restored yet (`lost`: the rebuild's replay counts it then).
   */
  async count<T extends Topic>(envelope: Envelope<EventData<T>, T>): Promise<CountResult> {
    const deltas = statsDeltas(envelope);
    if (deltas.length === 0) return 'skipped';
    const result = await this.redis.eval(
      COUNT_LUA,
      1,
      this.floors,
      String(REDIS_INBOX_TTL_SECONDS),
      String(DAY_TTL_SECONDS),
      statsOwner(envelope.type),
      String(Date.parse(envelope.occurredAt)),
      redisInboxKey('gateway', `${this.prefix}:${countingKey(envelope)}`),
      ...this.deltaArgs(deltas),
    );
    return result === 1 ? 'counted' : result === -1 ? 'lost' : 'skipped';
  }

  /**
   * Starts the counters lost with Redis from the services' latest reports, each service's events
   * counted from then on only when after its `asOf`; `false` when already restored since the loss.
   */
  async restore(
    latest: ReadonlyMap<StatsReporter, StatsReportedData>,
    now = new Date(),
  ): Promise<boolean> {
    const floors = Object.entries(countingFloors(latest));
    const dayKeys = lastDays(MAX_STATS_DAYS + 2, new Date(now.getTime() + DAY_MS)).map((day) =>
      this.dayKey(day),
    );
    const result = await this.redis.eval(
      RESTORE_LUA,
      2 + dayKeys.length,
      this.floors,
      this.totals,
      ...dayKeys,
      String(DAY_TTL_SECONDS),
      randomUUID(),
      String(floors.length),
      ...floors.flatMap(([service, floor]) => [service, String(floor)]),
      ...this.deltaArgs([...latest.values()].flatMap(snapshotDeltas)),
    );
    return result === 1;
  }

  /** Each service's floor (epoch ms) as restored since the last loss; empty while lost. */
  async heldFloors(): Promise<Partial<Record<StatsReporter, number>>> {
    const held = await this.redis.hgetall(this.floors);
    return Object.fromEntries(
      STATS_REPORTERS.filter((service) => held[service] !== undefined).map((service) => [
        service,
        Number(held[service]),
      ]),
    );
  }

  /** Moves queue tickets in or out of `queueWaiting`. */
  async moveTickets(envelope: AnyEnvelope, now = new Date()): Promise<void> {
    const moves = ticketMoves(envelope);
    if (moves.length === 0) return;
    await this.redis.eval(
      TICKETS_LUA,
      2,
      this.waiting,
      this.ended,
      String(Date.parse(envelope.occurredAt)),
      String(now.getTime() - TICKET_HORIZON_MS),
      ...moves.flatMap((move) => [move.ticketId, move.waiting ? '1' : '0']),
    );
  }

  /** Keeps a service's report if it is newer than the one held. */
  async keepReport(envelope: TopicEnvelope<'stats.reported'>): Promise<void> {
    const { data } = envelope;
    await this.redis.eval(
      KEEP_REPORT_LUA,
      1,
      this.reports,
      data.service,
      String(Date.parse(data.asOf)),
      JSON.stringify(data),
    );
  }

  /** The latest report held of each service. */
  async heldReports(): Promise<StatsReportedData[]> {
    const held = await this.redis.hgetall(this.reports);
    return Object.entries(held)
      .filter(([field]) => !field.endsWith(':asOf'))
      .map(([, json]) => JSON.parse(json) as StatsReportedData);
  }

  /**
   * A live proximity session per person, until it expires, ends (`proximity.session_ended`,
   * also when proximity lost it) or the person is deleted.
   */
  async sessionStarted(userId: string, expiresAt: string, sessionId: string): Promise<void> {
    await this.redis.eval(
      SESSION_STARTED_LUA,
      2,
      this.sessions,
      this.sessionIds,
      userId,
      String(Date.parse(expiresAt)),
      sessionId,
    );
  }

  async sessionEnded(userId: string, sessionId: string): Promise<void> {
    await this.redis.eval(SESSION_ENDED_LUA, 2, this.sessions, this.sessionIds, userId, sessionId);
  }

  async forget(userId: string): Promise<void> {
    await this.redis.multi().zrem(this.sessions, userId).hdel(this.sessionIds, userId).exec();
  }

  async read(now = new Date()): Promise<AdminStats> {
    const [totals, today, sessions, waiting] = await Promise.all([
      this.redis.hgetall(this.totals),
      this.redis.hgetall(this.dayKey(now.toISOString().slice(0, 10))),
      this.redis.eval(LIVE_SESSIONS_LUA, 2, this.sessions, this.sessionIds, String(now.getTime())),
      this.redis.zcard(this.waiting),
    ]);
    const likes = tally(today.likes);
    const matches = tally(today.matches);
    return {
      usersTotal: tally(totals.users),
      swipesToday: tally(today.swipes),
      matchesToday: matches,
      mutualMatchRate: likes === 0 ? 0 : Math.round((matches / likes) * 10_000) / 10_000,
      queueWaiting: waiting,
      activeProximitySessions: Number(sessions),
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
