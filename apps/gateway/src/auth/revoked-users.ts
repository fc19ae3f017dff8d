import { Inject, Injectable, Optional } from '@nestjs/common';
import type { AccountStanding, DomainError, UserDeletedData } from '@rendezvous/contracts';
import type { AuthUser, RevocationCheck } from '@rendezvous/platform';
import {
  REDIS,
  RedisStateRebuildingError,
  accessRefusal,
  redisStateMarkerKey,
} from '@rendezvous/platform';
import type Redis from 'ioredis';
import { GatewayConfig } from '../config';
import { AccessChanges } from './access-changes';
import { accountKey, standingFromHash } from './account-standings';

/** Set while a deleted person's tokens may still be alive. */
export const deletedMarkerKey = (userId: string) => `revoked-user:${userId}`;

/** The guarded state that refuses tokens at the gateway: standings and deleted markers. */
export const ACCESS_STATE = 'gateway-access';
const ACCESS_STATE_MARKER = redisStateMarkerKey(ACCESS_STATE);

/** What the gateway knows of a person that can refuse their tokens. */
export interface KnownAccess {
  deleted: boolean;
  standing: AccountStanding | null;
}

/**
 * How long a deleted person's marker must still live, in seconds: until `keepSeconds` after the
 * deletion, which outlives every access token issued before it (no token is issued after). `null`
 * when that time has passed and no marker is needed.
 */
export function deletedMarkerTtlSeconds(
  deletedAt: string,
  now: Date,
  keepSeconds: number,
): number | null {
  const left = Math.ceil((Date.parse(deletedAt) + keepSeconds * 1000 - now.getTime()) / 1000);
  return left > 0 ? Math.min(left, keepSeconds) : null;
}

/**
 * People whose access tokens the gateway refuses before they expire: deleted accounts (an entry
 * outlives any token issued before it), and suspended, banned or demoted people by their standing
 * (AccountStandings). Kept in Redis so every replica refuses them; read back from Kafka when
 * Redis loses them (AccessState), and until then nobody is admitted.
 */
@Injectable()
export class RevokedUsers implements RevocationCheck {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: GatewayConfig,
    // Absent in the platform's instance (the token verifier's check), which never revokes.
    @Optional() private readonly changes?: AccessChanges,
  ) {}

  async revoke({ userId, deletedAt }: UserDeletedData, now = new Date()): Promise<void> {
    const ttl = deletedMarkerTtlSeconds(deletedAt, now, this.config.REVOKED_USER_TTL_SECONDS);
    if (ttl === null) return;
    await this.redis.set(deletedMarkerKey(userId), '1', 'EX', ttl);
    await this.changes?.announce(userId);
  }

  /**
   * The deleted marker and the standing, read atomically with the state's marker: without it
   * Redis lost what it held (a flush, a failover), so the absence of an entry proves nothing.
   */
  async known(userId: string): Promise<KnownAccess> {
    const results =
      (await this.redis
        .multi()
        .exists(deletedMarkerKey(userId))
        .hgetall(accountKey(userId))
        .exists(ACCESS_STATE_MARKER)
        .exec()) ?? [];
    for (const [error] of results) if (error) throw error;
    if (results[2]?.[1] !== 1) throw new RedisStateRebuildingError(ACCESS_STATE);
    return {
      deleted: results[0]?.[1] === 1,
      standing: standingFromHash((results[1]?.[1] ?? {}) as Record<string, string>),
    };
  }

  async refusal(user: AuthUser): Promise<DomainError | null> {
    return accessRefusal(user, await this.known(user.id));
  }
}
