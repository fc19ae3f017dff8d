import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { InteractionType, VenueInteractionData } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError, RECO_ERRORS, TOPICS } from '@rendezvous/contracts';
import { OutboxService } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import { interactionEffect } from './interaction-effect';
import type { Interaction } from './interaction.shapes';

@Injectable()
export class InteractionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
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
      const gone = (await tx.query(
        'SELECT 1 FROM people WHERE user_id = $1 AND deleted_at IS NOT NULL FOR SHARE',
        [userId],
      )) as unknown[];
      if (gone.length > 0) throw new DomainError(COMMON_ERRORS.UNAUTHORIZED, 'Account deleted');
      const [updated] = (await tx.query(
        'UPDATE venues SET likes = likes + $2 WHERE id = $1 RETURNING id',
        [venueId, effect.likes],
      )) as [unknown[], number];
      if (updated.length === 0) throw new DomainError(RECO_ERRORS.VENUE_NOT_FOUND, 'No such venue');
      const id = randomUUID();
      const [row] = (await tx.query(
        `INSERT INTO interactions (id, venue_id, user_id, type, dwell_seconds)
         VALUES ($1, $2, $3, $4, $5) RETURNING created_at`,
        [id, venueId, userId, type, dwellSeconds],
      )) as { created_at: Date }[];
      await tx.query(
        `INSERT INTO user_venue_stats (user_id, venue_id, likes, dwell_seconds)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, venue_id) DO UPDATE SET
           likes = user_venue_stats.likes + EXCLUDED.likes,
           dwell_seconds = user_venue_stats.dwell_seconds + EXCLUDED.dwell_seconds`,
        [userId, venueId, effect.likes, effect.dwellSeconds],
      );
      const interaction: Interaction = {
        id,
        venueId,
        userId,
        type,
        dwellSeconds,
        createdAt: row.created_at.toISOString(),
      };
      await this.outbox.add<VenueInteractionData>(tx, {
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
