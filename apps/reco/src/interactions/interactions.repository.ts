import { Injectable } from '@nestjs/common';
import type { InteractionType } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';

export interface NewInteraction {
  id: string;
  venueId: string;
  userId: string;
  type: InteractionType;
  dwellSeconds: number;
}

/** Interactions and the running sums they feed: venues' likes and `user_venue_stats`. */
@Injectable()
export class InteractionsRepository {
  /** Adds to the venue's likes; `false` when there is no such venue. */
  async addVenueLikes(tx: EntityManager, venueId: string, likes: number): Promise<boolean> {
    const [updated] = (await tx.query(
      'UPDATE venues SET likes = likes + $2 WHERE id = $1 RETURNING id',
      [venueId, likes],
    )) as [unknown[], number];
    return updated.length > 0;
  }

  /** Stores the interaction; answers when it was recorded. */
  async insert(tx: EntityManager, interaction: NewInteraction): Promise<Date> {
    const { id, venueId, userId, type, dwellSeconds } = interaction;
    const [row] = (await tx.query(
      `INSERT INTO interactions (id, venue_id, user_id, type, dwell_seconds)
       VALUES ($1, $2, $3, $4, $5) RETURNING created_at`,
      [id, venueId, userId, type, dwellSeconds],
    )) as { created_at: Date }[];
    return row.created_at;
  }

  async addToUserStats(
    tx: EntityManager,
    { userId, venueId }: { userId: string; venueId: string },
    effect: { likes: number; dwellSeconds: number },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO user_venue_stats (user_id, venue_id, likes, dwell_seconds)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, venue_id) DO UPDATE SET
         likes = user_venue_stats.likes + EXCLUDED.likes,
         dwell_seconds = user_venue_stats.dwell_seconds + EXCLUDED.dwell_seconds`,
      [userId, venueId, effect.likes, effect.dwellSeconds],
    );
  }

  /** The person's likes stop counting towards popularity; their interactions and sums go. */
  async removeAllOf(tx: EntityManager, userId: string): Promise<void> {
    // Venue rows are locked in id order first (an interaction locks a single venue): no deadlock.
    await tx.query(
      `SELECT v.id FROM venues v JOIN user_venue_stats s ON s.venue_id = v.id
       WHERE s.user_id = $1 AND s.likes > 0 ORDER BY v.id FOR UPDATE OF v`,
      [userId],
    );
    await tx.query(
      `UPDATE venues v SET likes = v.likes - s.likes FROM user_venue_stats s
       WHERE s.user_id = $1 AND s.likes > 0 AND v.id = s.venue_id`,
      [userId],
    );
    await tx.query('DELETE FROM user_venue_stats WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM interactions WHERE user_id = $1', [userId]);
  }
}
