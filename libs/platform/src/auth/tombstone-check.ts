import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { TombstoneTable } from '../database/tombstones.repository';
import { TombstonesRepository } from '../database/tombstones.repository';
import type { AuthUser } from './auth-user';
import type { RevocationCheck } from './token-verifier';

/** A projection of people kept in Redis, where a key exists while the person is deleted. */
export interface TombstoneKey {
  redisKey: (userId: string) => string;
}

/** Where a service's own projection of people marks the deleted ones. */
export type Tombstones = TombstoneTable | TombstoneKey;

/**
 * Refuses a deleted person's still-valid token in the service itself, not only at the gateway:
 * one primary-key (or key) lookup in the service's projection per request, no cache, so the
 * refusal starts as soon as the service has applied `user.deleted`.
 */
export class TombstoneCheck implements RevocationCheck {
  private readonly isDeleted: (userId: string) => Promise<boolean>;

  constructor(tombstones: Tombstones, stores: { redis: Redis; dataSource?: DataSource }) {
    if ('redisKey' in tombstones) {
      const { redisKey } = tombstones;
      this.isDeleted = async (userId) => (await stores.redis.exists(redisKey(userId))) === 1;
      return;
    }
    if (!stores.dataSource) {
      throw new Error(`Tombstones in table ${tombstones.table} need the service's database`);
    }
    const repository = new TombstonesRepository(stores.dataSource, tombstones);
    this.isDeleted = (userId) => repository.isDeleted(userId);
  }

  isRevoked(user: AuthUser): Promise<boolean> {
    return this.isDeleted(user.id);
  }
}
