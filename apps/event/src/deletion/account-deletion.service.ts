import { Injectable } from '@nestjs/common';
import type { UserDeletedData } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';
import { EventsRepository } from '../events/events.repository';
import { EventsService } from '../events/events.service';
import { RegistrationsRepository } from '../events/registrations.repository';
import { ProfilesRepository } from '../profiles/profiles.repository';

/**
 * What a deleted account leaves here, undone in the consumer's transaction: the person becomes a
 * tombstone, their registrations go (promoting whoever waits) and the events they organize that
 * have not started are cancelled, notifying everyone registered or waiting.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly profiles: ProfilesRepository,
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
    const { userId } = data;
    // The exclusive row lock waits for the person's in-flight registrations and events to commit.
    await this.profiles.tombstone(tx, userId, version, data.deletedAt);
    const organized = (await tx.query(
      `SELECT id FROM events WHERE organizer_id = $1 AND status = 'scheduled' AND starts_at > $2`,
      [userId, now],
    )) as { id: string }[];
    const attended = await this.registrations.eventIdsOf(tx, userId);
    const ids = [...new Set([...organized.map((e) => e.id), ...attended])];
    const toCancel = new Set(organized.map((e) => e.id));
    for (const event of await this.events.lockMany(tx, ids)) {
      if (toCancel.has(event.id)) await this.eventsService.cancelLocked(tx, event);
      const removed = await this.registrations.remove(tx, event, userId);
      if (removed?.status === 'registered') await this.registrations.fillSeats(tx, event.id);
    }
  }
}
