import { Injectable } from '@nestjs/common';
import type { UserDeletedData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';
import { PeopleRepository } from '../directory/people.repository';
import { inviteeIds, participantIds } from '../plans/plan-record';
import { PlansRepository } from '../plans/plans.repository';
import { BlocksProjection } from '@rendezvous/platform';

/**
 * What a deleted account leaves here, undone in the consumer's transaction: the plans they
 * organize that have not ended are cancelled (bookings released), and they leave the plans they
 * were invited to; a plan left without invitees is cancelled too; their blocks go.
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
    const rows = (await tx.query(
      `SELECT p.id, me.role FROM plans p JOIN participants me ON me.plan_id = p.id
       WHERE me.user_id = $1 AND p.status <> 'cancelled' AND p.ends_at > $2
       ORDER BY p.id`,
      [userId, now],
    )) as { id: string; role: 'organizer' | 'invitee' }[];
    for (const { id, role } of rows) {
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
}
