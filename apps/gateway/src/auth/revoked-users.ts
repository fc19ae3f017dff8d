import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser, RevocationCheck } from '@rendezvous/platform';
import { REDIS, accessRefusal } from '@rendezvous/platform';
import type { DomainError } from '@rendezvous/contracts';
import type Redis from 'ioredis';
import { GatewayConfig } from '../config';

const key = (userId: string) => `revoked-user:${userId}`;

/**
 * People whose access tokens the gateway refuses before they expire (deleted accounts). Kept in
 * Redis so every replica refuses them; an entry outlives any token issued before it.
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

  async refusal(user: AuthUser): Promise<DomainError | null> {
    const deleted = (await this.redis.exists(key(user.id))) === 1;
    return accessRefusal(user, { deleted, standing: null });
  }
}
