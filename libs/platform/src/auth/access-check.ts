import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AccountStanding, DomainError } from '@rendezvous/contracts';
import { AccountStatusProjection } from '../database/account-status-projection.repository';
import type { TombstoneTable } from '../database/tombstones.repository';
import { TombstonesRepository } from '../database/tombstones.repository';
import { accessRefusal } from './access-refusal';
import type { AuthUser } from './auth-user';
import type { RevocationCheck } from './token-verifier';

/** A projection of people kept in Redis, where a key exists while the person is deleted. */
export interface TombstoneKey {
  redisKey: (userId: string) => string;
}

/** Where a service's own projection of people marks the deleted ones. */
export type Tombstones = TombstoneTable | TombstoneKey;

/**
 * Refuses a deleted, suspended, banned or demoted person's still-valid token in the service
 * itself, not only at the gateway: one query of the service's projection of people and its
 * `account_status` (proximity's Redis tombstones beside it), no cache, so the refusal starts as
 * soon as the service has applied the event.
 */
export class AccessCheck implements RevocationCheck {
  private readonly lookUp: (
    userId: string,
  ) => Promise<{ deleted: boolean; standing: AccountStanding | null }>;

  constructor(tombstones: Tombstones, stores: { redis: Redis; dataSource: DataSource }) {
    if ('redisKey' in tombstones) {
      const { redisKey } = tombstones;
      const accounts = new AccountStatusProjection();
      this.lookUp = async (userId) => {
        const [gone, standing] = await Promise.all([
          stores.redis.exists(redisKey(userId)),
          accounts.standing(stores.dataSource, userId),
        ]);
        return { deleted: gone === 1, standing };
      };
      return;
    }
    const repository = new TombstonesRepository(stores.dataSource, tombstones);
    this.lookUp = (userId) => repository.lookUp(userId);
  }

  async refusal(user: AuthUser): Promise<DomainError | null> {
    return accessRefusal(user, await this.lookUp(user.id));
  }
}
