import { Injectable } from '@nestjs/common';
import type { UserStatusData } from '@rendezvous/contracts';
import { AccountStatusProjection } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import { AccountDeletionService } from '../deletion/account-deletion.service';
import { PeopleRepository } from '../people/people.repository';

/**
 * A person's standing from `user.status_changed`, kept when newer. A suspension only hides them
 * (attendee lists read `account_status`; their registrations stay); a ban also withdraws them as
 * a deletion does, keeping their data: their places are cancelled and the events they organize
 * that have not started are cancelled.
 */
@Injectable()
export class AccountStandingService {
  constructor(
    private readonly accounts: AccountStatusProjection,
    private readonly profiles: PeopleRepository,
    private readonly deletion: AccountDeletionService,
  ) {}

  async apply(tx: EntityManager, data: UserStatusData, version: number): Promise<void> {
    const applied = await this.accounts.applyIfNewer(tx, data, version);
    if (!applied || data.status !== 'banned' || applied.before?.status === 'banned') return;
    await this.profiles.lockForChange(tx, data.userId);
    await this.deletion.withdraw(tx, data.userId, 'cancel');
  }
}
