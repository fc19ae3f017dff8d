import { Inject, Injectable } from '@nestjs/common';
import type { AccountStanding, DomainError } from '@rendezvous/contracts';
import type { AuthUser, RevocationCheck } from '@rendezvous/platform';
import { REDIS, accessRefusal } from '@rendezvous/platform';
import type Redis from 'ioredis';
import { GatewayConfig } from '../config';
import { accountKey, standingFromHash } from './account-standings';

const key = (userId: string) => `revoked-user:${userId}`;

/** What the gateway knows of a person that can refuse their tokens. */
export interface KnownAccess {
  deleted: boolean;
  standing: AccountStanding | null;
}

/**
 * People whose access tokens the gateway refuses before they expire: deleted accounts (an entry
 * outlives any token issued before it), and suspended, banned or demoted people by their standing
 * (AccountStandings). Kept in Redis so every replica refuses them.
 */
@Injectable()
export class RevokedUsers implements RevocationCheck {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: GatewayConfig,
  ) {}

  async revoke(userId: string): Promise<void> {
    await this.redis.set(key(userId), '1', 'EX', this.config.REVOKED_USER_TTL_SECONDS);
  }

  /** The deleted marker and the standing, in one round trip. */
  async known(userId: string): Promise<KnownAccess> {
    const results =
      (await this.redis.pipeline().exists(key(userId)).hgetall(accountKey(userId)).exec()) ?? [];
    for (const [error] of results) if (error) throw error;
    return {
      deleted: results[0]?.[1] === 1,
      standing: standingFromHash((results[1]?.[1] ?? {}) as Record<string, string>),
    };
  }

  async refusal(user: AuthUser): Promise<DomainError | null> {
    return accessRefusal(user, await this.known(user.id));
  }
}
