import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { DomainError } from '@rendezvous/contracts';
import { AccountStatusProjection } from '../database/account-status-projection';
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
 * itself, not only at the gateway: one lookup in the service's projection of people and one in
 * its `account_status`, no cache, so the refusal starts as soon as the service has applied the
 * event.
 */
export class AccessCheck implements RevocationCheck {
  private readonly isDeleted: (userId: string) => Promise<boolean>;
  private readonly accounts = new AccountStatusProjection();

  constructor(
    tombstones: Tombstones,
    private readonly stores: { redis: Redis; dataSource: DataSource },
  ) {
    if ('redisKey' in tombstones) {
      const { redisKey } = tombstones;
      this.isDeleted = async (userId) => (await stores.redis.exists(redisKey(userId))) === 1;
      return;
    }
    const repository = new TombstonesRepository(stores.dataSource, tombstones);
    this.isDeleted = (userId) => repository.isDeleted(userId);
  }

  async refusal(user: AuthUser): Promise<DomainError | null> {
    const [deleted, standing] = await Promise.all([
      this.isDeleted(user.id),
      this.accounts.standing(this.stores.dataSource, user.id),
    ]);
    return accessRefusal(user, { deleted, standing });
  }
}
