import { Injectable } from '@nestjs/common';
import type { UserDeletedData } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';
import { EventsRepository } from '../events/events.repository';
import { EventsService } from '../events/events.service';
import { RegistrationsRepository } from '../events/registrations.repository';
import { PeopleRepository } from '../people/people.repository';

/** What happens to a withdrawn person's registrations: deletion removes them, a ban keeps them cancelled. */
export type RegistrationsOnWithdrawal = 'remove' | 'cancel';

/**
 * What a deleted account leaves here, undone in the consumer's transaction: the person becomes a
 * tombstone, their registrations go (promoting whoever waits) and the events they organize that
 * have not started are cancelled, notifying everyone registered or waiting. A ban withdraws the
 * person the same way but keeps their data.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly profiles: PeopleRepository,
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly eventsService: EventsService,
  ) {}

  async apply(
    tx: EntityManager,
    data: UserDeletedData,
    version: number,
    now: Date = new Date(),
  ): Promise<void> {
    // The exclusive row lock waits for the person's in-flight registrations and events to commit.
    await this.profiles.tombstone(tx, data.userId, version, data.deletedAt);
    await this.withdraw(tx, data.userId, 'remove', now);
  }

  /**
   * Cancels the events the person organizes that have not started and takes them off the others
   * (all of their rows when removing; the places they hold in events not over when cancelling),
   * seats passing to whoever waits. The caller holds the person's row locked exclusively.
   */
  async withdraw(
    tx: EntityManager,
    userId: string,
    registrations: RegistrationsOnWithdrawal,
    now: Date = new Date(),
  ): Promise<void> {
    const organized = await this.events.scheduledOrganizedBy(tx, userId, now);
    const attended =
      registrations === 'remove'
        ? await this.registrations.eventIdsOf(tx, userId)
        : await this.registrations.heldEventIdsOf(tx, userId, now);
    const toCancel = new Set(organized);
    for (const event of await this.events.lockMany(tx, [...new Set([...organized, ...attended])])) {
      if (toCancel.has(event.id)) await this.eventsService.cancelLocked(tx, event);
      const left =
        registrations === 'remove'
          ? await this.registrations.remove(tx, event, userId)
          : await this.registrations.cancelHeld(tx, event, userId);
      if (left?.status === 'registered') await this.registrations.fillSeats(tx, event.id);
    }
  }
}
