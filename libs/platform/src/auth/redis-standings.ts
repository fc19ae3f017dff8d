import type { Logger } from '@nestjs/common';
import type { AccountStanding, ServiceName, UserStatusData } from '@rendezvous/contracts';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { StandingRow } from '../database/account-status-projection.repository';
import { standingFromRow } from '../database/account-status-projection.repository';
import type { TombstoneTable } from '../database/tombstones.repository';
import { assertPlainSqlNames } from '../database/tombstones.repository';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import { REDIS_STATE_LOST, REDIS_STATE_LUA, RedisStateGuard } from '../redis/redis-state-guard';

/** What a service knows of a person when it checks their token. */
export interface KnownStanding {
  deleted: boolean;
  standing: AccountStanding | null;
}

/** Longer than any access token lives (JWT_ACCESS_TTL_SECONDS, 900 by default). */
export const DELETED_STANDING_TTL_SECONDS = 86_400;

// KEYS[1] = the person's key. ARGV: version, standing JSON ('' for a deletion), TTL seconds (0:
// none). Accepted with or without the marker: a write is safe at any time (the newer version
// wins, a deletion is final), and one a flush takes had committed in Postgres before, so the
// rebuild reads it. Refusing it would leave the rebuilt set without it until the event's retry.
const APPLY_LUA = `
if redis.call('HGET', KEYS[1], 'd') == '1' then return 0 end
local held = tonumber(redis.call('HGET', KEYS[1], 'v') or '-1')
if ARGV[2] == '' then
  redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', '1')
  redis.call('HDEL', KEYS[1], 's')
elseif tonumber(ARGV[1]) > held then
  redis.call('HSET', KEYS[1], 'v', ARGV[1], 's', ARGV[2])
else
  return 0
end
if tonumber(ARGV[3]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
return 1`;

const READ_LUA = `${REDIS_STATE_LUA}
if not state_intact(KEYS[1]) then return '${REDIS_STATE_LOST}' end
local f = redis.call('HMGET', KEYS[2], 'd', 's')
return { f[1] or '', f[2] or '' }`;

interface StandingsRedis extends Redis {
  rendezvousStandingApply(...args: string[]): Promise<number>;
  rendezvousStandingRead(...args: string[]): Promise<[string, string] | string>;
}

export interface RedisStandingsOptions {
  service: ServiceName;
  redis: Redis;
  dataSource: DataSource;
  /** The service's own projection of people, whose `deleted_at` marks the deleted. */
  tombstones: TombstoneTable;
  logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  metrics?: PlatformMetrics;
}

/**
 * People's standing (deleted, suspended, banned, demoted) kept in Redis beside the service's
 * Postgres projection, so token checks on routes that touch only Redis need no Postgres. The
 * service's user-event consumer writes it after its Postgres commit (newer version wins; a
 * deletion is final), and the guard writes it back from Postgres when Redis loses it. A person
 * without a key is in good standing only while the marker says the set is whole; otherwise
 * `lookUp` answers `null` and the caller asks Postgres.
 */
export class RedisStandings {
  readonly guard: RedisStateGuard;
  private readonly redis: StandingsRedis;
  private readonly tombstonesSql: string;

  constructor(private readonly options: RedisStandingsOptions) {
    const { redis, service, tombstones } = options;
    this.redis = redis as StandingsRedis;
    if (!('rendezvousStandingApply' in redis)) {
      redis.defineCommand('rendezvousStandingApply', { numberOfKeys: 1, lua: APPLY_LUA });
      redis.defineCommand('rendezvousStandingRead', { numberOfKeys: 2, lua: READ_LUA });
    }
    assertPlainSqlNames(tombstones.table, tombstones.idColumn);
    this.tombstonesSql = `SELECT ${tombstones.idColumn} AS user_id FROM ${tombstones.table}
      WHERE deleted_at > now() - make_interval(secs => ${DELETED_STANDING_TTL_SECONDS})`;
    this.guard = new RedisStateGuard({
      redis,
      component: `standings:${service}`,
      rebuild: () => this.rebuild(),
      logger: options.logger,
      metrics: options.metrics,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.guard.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.guard.stop();
  }

  private key(userId: string): string {
    return `standing:${this.options.service}:${userId}`;
  }

  /** After the standing committed in Postgres, on every delivery. */
  async applyStatus(data: UserStatusData, version: number): Promise<void> {
    const standing: AccountStanding = {
      status: data.status,
      suspendedUntil: data.suspendedUntil,
      role: data.role,
      roleChangedAt: data.roleChangedAt,
      hidden: data.hidden,
    };
    await this.apply(data.userId, version, JSON.stringify(standing), 0);
  }

  /** After the tombstone committed in Postgres. */
  async applyDeleted(userId: string, version: number): Promise<void> {
    await this.apply(userId, version, '', DELETED_STANDING_TTL_SECONDS);
  }

  /** The person's standing, or `null` when Redis cannot vouch for it (rebuilding, unreachable). */
  async lookUp(userId: string): Promise<KnownStanding | null> {
    if (!this.guard.intact) return null;
    let reply: [string, string] | string;
    try {
      reply = await this.redis.rendezvousStandingRead(this.guard.markerKey, this.key(userId));
    } catch {
      return null;
    }
    if (!Array.isArray(reply)) {
      void this.guard.check();
      return null;
    }
    const [deleted, standing] = reply;
    return {
      deleted: deleted === '1',
      standing: standing ? (JSON.parse(standing) as AccountStanding) : null,
    };
  }

  private async apply(
    userId: string,
    version: number,
    standing: string,
    ttlSeconds: number,
  ): Promise<void> {
    await this.redis.rendezvousStandingApply(
      this.key(userId),
      String(version),
      standing,
      String(ttlSeconds),
    );
  }

  private async rebuild(): Promise<void> {
    const { dataSource } = this.options;
    const standings = (await dataSource.query(
      `SELECT user_id, status, suspended_until, role, role_changed_at, hidden, version
         FROM account_status`,
    )) as (StandingRow & { user_id: string; version: number })[];
    const deleted = (await dataSource.query(this.tombstonesSql)) as { user_id: string }[];
    const writes = [
      ...standings.map(
        (row) => () =>
          this.apply(row.user_id, row.version, JSON.stringify(standingFromRow(row)), 0),
      ),
      ...deleted.map((row) => () => this.apply(row.user_id, 0, '', DELETED_STANDING_TTL_SECONDS)),
    ];
    // ioredis pipelines what is sent together: a few hundred at a time.
    for (let start = 0; start < writes.length; start += 500) {
      await Promise.all(writes.slice(start, start + 500).map((write) => write()));
    }
  }
}
