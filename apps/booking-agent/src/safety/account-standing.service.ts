import { Injectable } from '@nestjs/common';
import type { UserStatusData } from '@rendezvous/contracts';
import { AccountStatusProjection } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import { AccountDeletionService } from '../deletion/account-deletion.service';
import { PeopleRepository } from '../people/people.repository';

/**
 * A person's standing from `user.status_changed`, kept when newer. While suspended or banned
 * nobody can invite them or ask for their free time (`account_status` makes them unknown); a ban
 * also cancels the plans they organize that have not ended, bookings released.
 */
@Injectable()
export class AccountStandingService {
  constructor(
    private readonly accounts: AccountStatusProjection,
    private readonly people: PeopleRepository,
    private readonly deletion: AccountDeletionService,
  ) {}

  async apply(tx: EntityManager, data: UserStatusData, version: number): Promise<void> {
    const applied = await this.accounts.applyIfNewer(tx, data, version);
    if (!applied || data.status !== 'banned' || applied.before?.status === 'banned') return;
    await this.people.lockForChange(tx, data.userId);
    await this.deletion.cancelOrganized(tx, data.userId);
  }
}
