import { Inject, Injectable } from '@nestjs/common';
import type { AccountStanding, Envelope, UserStatusData } from '@rendezvous/contracts';
import { ACCOUNT_STATUSES, isRole } from '@rendezvous/contracts';
import {
  REDIS,
  REDIS_INBOX_LUA,
  REDIS_INBOX_TTL_SECONDS,
  redisInboxKey,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import { GatewayConfig } from '../config';
import { AccessChanges } from './access-changes';

export const accountKey = (userId: string) => `account:${userId}`;

export function standingOf(data: UserStatusData): AccountStanding {
  const { status, suspendedUntil, role, roleChangedAt, hidden } = data;
  return { status, suspendedUntil, role, roleChangedAt, hidden };
}

/** The standing held in an `account:<id>` hash; `null` when none is held (or it is unreadable). */
export function standingFromHash(hash: Record<string, string>): AccountStanding | null {
  const status = ACCOUNT_STATUSES.find((known) => known === hash.status);
  if (!status || !isRole(hash.role)) return null;
  return {
    status,
    suspendedUntil: hash.suspendedUntil || null,
    role: hash.role,
    roleChangedAt: hash.roleChangedAt || null,
    hidden: hash.hidden === '1',
  };
}

/**
 * How long a standing is kept, in seconds; `null` keeps it while it is in force (a ban, a
 * suspension until reinstated). Otherwise it outlives a timed suspension by `keepSeconds`, which
 * covers every token issued before a role change and any redelivery of an older event.
 */
export function standingTtlSeconds(
  standing: AccountStanding,
  now: Date,
  keepSeconds: number,
): number | null {
  if (standing.status === 'active') return keepSeconds;
  if (standing.status === 'banned' || standing.suspendedUntil === null) return null;
  const left = Math.ceil((Date.parse(standing.suspendedUntil) - now.getTime()) / 1000);
  return Math.max(left, 0) + keepSeconds;
}

/**
 * KEYS: inbox key, account key. ARGV: inbox ttl, version, ttl (0 = none), then field/value pairs.
 * Applies the standing only when its version is newer than the one held, and answers whether the
 * event's version is the one held afterwards (applied now or by an earlier delivery).
 */
const APPLY_LUA = `${REDIS_INBOX_LUA}
local version = tonumber(ARGV[2])
if not inbox_seen(KEYS[1]) then
  local held = tonumber(redis.call('HGET', KEYS[2], 'version'))
  if held == nil or held < version then
    redis.call('DEL', KEYS[2])
    redis.call('HSET', KEYS[2], 'version', ARGV[2], unpack(ARGV, 4))
    if tonumber(ARGV[3]) > 0 then redis.call('EXPIRE', KEYS[2], ARGV[3]) end
  end
  inbox_mark(KEYS[1], ARGV[1])
end
if tonumber(redis.call('HGET', KEYS[2], 'version')) == version then return 1 end
return 0
`;

/**
 * Each person's newest standing (status, suspension end, role) from `user.status_changed`, kept
 * in Redis so every replica refuses the same tokens. Sparse: only people whose standing changed.
 */
@Injectable()
export class AccountStandings {
  private readonly keepSeconds: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: GatewayConfig,
    private readonly changes: AccessChanges,
  ) {
    this.keepSeconds = Math.max(config.REVOKED_USER_TTL_SECONDS, REDIS_INBOX_TTL_SECONDS);
  }

  /** Applies the event if it is newer; true when it is the newest standing held. */
  async apply(envelope: Envelope<UserStatusData>, now = new Date()): Promise<boolean> {
    const standing = standingOf(envelope.data);
    const current = await this.redis.eval(
      APPLY_LUA,
      2,
      redisInboxKey('gateway', `account:${envelope.id}`),
      accountKey(envelope.data.userId),
      REDIS_INBOX_TTL_SECONDS,
      envelope.aggregateVersion,
      standingTtlSeconds(standing, now, this.keepSeconds) ?? 0,
      'status',
      standing.status,
      'suspendedUntil',
      standing.suspendedUntil ?? '',
      'role',
      standing.role,
      'roleChangedAt',
      standing.roleChangedAt ?? '',
      'hidden',
      standing.hidden ? '1' : '0',
    );
    await this.changes.announce(envelope.data.userId);
    return current === 1;
  }

  async standing(userId: string): Promise<AccountStanding | null> {
    return standingFromHash(await this.redis.hgetall(accountKey(userId)));
  }
}
