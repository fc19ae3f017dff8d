import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { InteractionType } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError, RECO_ERRORS, TOPICS } from '@rendezvous/contracts';
import { OutboxService } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import { PeopleRepository } from '../people/people.repository';
import { interactionEffect } from './interaction-effect';
import { InteractionsRepository } from './interactions.repository';
import type { Interaction } from './interaction.shapes';

@Injectable()
export class InteractionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly interactions: InteractionsRepository,
    private readonly people: PeopleRepository,
  ) {}

  /**
   * Logs the interaction and moves the running sums it feeds (the venue's popularity count,
   * the person's per-venue likes and dwell) in the same transaction, so requests only read.
   */
  async log(
    userId: string,
    venueId: string,
    type: InteractionType,
    dwellSeconds: number,
  ): Promise<Interaction> {
    const effect = interactionEffect(type, dwellSeconds);
    return this.dataSource.transaction(async (tx) => {
      // Waits for a deletion in progress, so a deleted person's sums are never added back.
      if (await this.people.anyDeleted(tx, [userId])) {
        throw new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'Account deleted');
      }
      if (!(await this.interactions.addVenueLikes(tx, venueId, effect.likes))) {
        throw new DomainError(RECO_ERRORS.VENUE_NOT_FOUND, 'No such venue');
      }
      const id = randomUUID();
      const createdAt = await this.interactions.insert(tx, {
        id,
        venueId,
        userId,
        type,
        dwellSeconds,
      });
      await this.interactions.addToUserStats(tx, { userId, venueId }, effect);
      const interaction: Interaction = {
        id,
        venueId,
        userId,
        type,
        dwellSeconds,
        createdAt: createdAt.toISOString(),
      };
      await this.outbox.add(tx, {
        type: TOPICS.VENUE_INTERACTION_LOGGED,
        aggregateId: id,
        aggregateVersion: 1,
        data: {
          interactionId: id,
          venueId,
          userId,
          type,
          dwellSeconds,
          createdAt: interaction.createdAt,
        },
      });
      return interaction;
    });
  }
}
