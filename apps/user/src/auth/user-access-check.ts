import { Injectable } from '@nestjs/common';
import type { DomainError } from '@rendezvous/contracts';
import type { AuthUser, RevocationCheck } from '@rendezvous/platform';
import { accessRefusal } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import { standingOf } from '../users/standing';
import { UserAccessRepository } from './user-access.repository';

/**
 * The user service's own token check, from the `users` row itself (the source of truth, so no
 * event to wait for): a deleted, suspended, banned or demoted person's token is refused at once.
 */
@Injectable()
export class UserAccessCheck implements RevocationCheck {
  private readonly access = new UserAccessRepository();

  constructor(private readonly dataSource: DataSource) {}

  async refusal(user: AuthUser): Promise<DomainError | null> {
    const row = await this.access.standing(this.dataSource, user.id);
    // Not ours to judge (tokens of unknown people are refused by ActiveUserGuard where it matters).
    if (!row) return null;
    return accessRefusal(user, { deleted: row.deleted_at !== null, standing: standingOf(row) });
  }
}
