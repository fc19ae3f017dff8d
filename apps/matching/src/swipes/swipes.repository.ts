import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SwipeAction } from '@rendezvous/contracts';
import type { DayCount } from '@rendezvous/platform';
import { StatTallies } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';

@Injectable()
export class SwipesRepository {
  constructor(private readonly tallies: StatTallies) {}

  /**
   * Serialises everything two people do to each other until the transaction ends, so two
   * likes at the same instant (on any replica) see each other and make one match.
   */
  async lockPair(tx: EntityManager, a: string, b: string): Promise<void> {
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  }

  /**
   * Records the swipe and says whether the other person already liked the swiper, in one round
   * trip. `swipeId` is `null` when this person already swiped that one.
   */
  async insert(
    tx: EntityManager,
    swiperId: string,
    targetId: string,
    action: SwipeAction,
  ): Promise<{ swipeId: string | null; likedBack: boolean }> {
    const [row] = (await tx.query(
      `WITH inserted AS (
         INSERT INTO swipes (id, swiper_id, target_id, action) VALUES ($1, $2, $3, $4)
         ON CONFLICT (swiper_id, target_id) DO NOTHING RETURNING id)
       SELECT (SELECT id FROM inserted) AS swipe_id,
              EXISTS (SELECT 1 FROM swipes WHERE swiper_id = $3 AND target_id = $2
                        AND action IN ('like', 'super_like')) AS liked_back`,
      [randomUUID(), swiperId, targetId, action],
    )) as { swipe_id: string | null; liked_back: boolean }[];
    return { swipeId: row.swipe_id, likedBack: row.liked_back };
  }

  /** Takes one of today's super likes; `false` when the day's allowance is used up. */
  async takeSuperLike(
    tx: EntityManager,
    userId: string,
    day: string,
    perDay: number,
  ): Promise<boolean> {
    if (perDay <= 0) return false;
    const rows = (await tx.query(
      `INSERT INTO super_like_usage (user_id, day, used) VALUES ($1, $2, 1)
       ON CONFLICT (user_id, day) DO UPDATE SET used = super_like_usage.used + 1
       WHERE super_like_usage.used < $3
       RETURNING used`,
      [userId, day, perDay],
    )) as unknown[];
    return rows.length > 0;
  }

  /** The person's swipes go; the stats keep counting them (tallied per day). */
  async removeAllOf(tx: EntityManager, userId: string): Promise<void> {
    // The statement's tag is SELECT: TypeORM answers its rows alone.
    const removed = (await tx.query(
      `WITH removed AS (
         DELETE FROM swipes WHERE swiper_id = $1 OR target_id = $1 RETURNING created_at, action)
       SELECT 'swipes' AS counter, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              count(*)::int AS count
       FROM removed GROUP BY 2
       UNION ALL
       SELECT 'likes', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*)::int
       FROM removed WHERE action <> 'pass' GROUP BY 2`,
      [userId],
    )) as DayCount[];
    await this.tallies.add(tx, removed);
    await tx.query('DELETE FROM super_like_usage WHERE user_id = $1', [userId]);
  }
}
