import { Injectable } from '@nestjs/common';
import type { UserDeletedData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { BlocksProjection } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import { PeopleRepository } from '../people/people.repository';
import { inviteeIds, participantIds } from '../plans/plan-record';
import { PlansRepository } from '../plans/plans.repository';

/**
 * What a deleted account leaves here, undone in the consumer's transaction: the plans they
 * organize that have not ended are cancelled (bookings released), and they leave the plans they
 * were invited to; a plan left without invitees is cancelled too; their blocks go. A ban cancels
 * the plans they organize the same way and keeps the rest.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly blocks: BlocksProjection,
    private readonly plans: PlansRepository,
  ) {}

  async apply(tx: EntityManager, data: UserDeletedData, version: number, now = new Date()) {
    const { userId } = data;
    await this.people.tombstone(tx, userId, version, data.deletedAt);
    await this.blocks.removeAllOf(tx, userId);
    for (const { id, role } of await this.plans.unendedOf(tx, userId, now)) {
      const plan = await this.plans.lock(tx, id);
      if (role === 'organizer') {
        await this.plans.cancel(tx, plan);
        continue;
      }
      const left = await this.plans.removeInvitee(tx, id, userId);
      if (inviteeIds(left).length === 0) await this.plans.cancel(tx, left);
      else await this.plans.publish(tx, TOPICS.PLAN_UPDATED, left, participantIds(left));
    }
  }

  /**
   * Cancels the plans the person organizes that have not ended, releasing their bookings, as an
   * organizer's cancel does. The caller holds the person's row locked exclusively.
   */
  async cancelOrganized(tx: EntityManager, userId: string, now = new Date()): Promise<void> {
    for (const { id, role } of await this.plans.unendedOf(tx, userId, now)) {
      if (role !== 'organizer') continue;
      const plan = await this.plans.lock(tx, id);
      if (plan.row.status !== 'cancelled') await this.plans.cancel(tx, plan);
    }
  }
}
