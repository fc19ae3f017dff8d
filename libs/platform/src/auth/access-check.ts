import type { DataSource } from 'typeorm';
import type { DomainError } from '@rendezvous/contracts';
import type { TombstoneTable } from '../database/tombstones.repository';
import { TombstonesRepository } from '../database/tombstones.repository';
import { accessRefusal } from './access-refusal';
import type { AuthUser } from './auth-user';
import type { KnownStanding, RedisStandings } from './redis-standings';
import type { RevocationCheck } from './token-verifier';

/** Where a service's own projection of people marks the deleted ones. */
export type Tombstones = TombstoneTable;

/**
 * Refuses a deleted, suspended, banned or demoted person's still-valid token in the service
 * itself, not only at the gateway: one query of the service's projection of people and its
 * `account_status`, no cache, so the refusal starts as soon as the service has applied the event.
 * A service whose requests may need only Redis keeps the same standing there too
 * (`RedisStandings`) and asks Postgres only when Redis cannot vouch for it.
 */
export class AccessCheck implements RevocationCheck {
  private readonly repository: TombstonesRepository;

  constructor(
    tombstones: Tombstones,
    private readonly stores: { dataSource: DataSource; standings?: RedisStandings },
  ) {
    this.repository = new TombstonesRepository(stores.dataSource, tombstones);
  }

  /** What this service knows of the person: from Redis when it can answer, else Postgres. */
  async known(userId: string): Promise<KnownStanding> {
    return (await this.stores.standings?.lookUp(userId)) ?? this.repository.lookUp(userId);
  }

  async refusal(user: AuthUser): Promise<DomainError | null> {
    return accessRefusal(user, await this.known(user.id));
  }
}
