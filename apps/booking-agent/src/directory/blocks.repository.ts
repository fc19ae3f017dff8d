import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Who blocked whom, from `user.blocked` / `user.unblocked`. */
@Injectable()
export class BlocksRepository {
  /**
   * Records a block or unblock if it is newer (by the blocker's version) than the pair's state,
   * so an unblock overtaken by an older block stays unblocked.
   */
  async applyIfNewer(
    tx: EntityManager,
    blockerId: string,
    blockedId: string,
    active: boolean,
    version: number,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO blocks (blocker_id, blocked_id, active, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (blocker_id, blocked_id) DO UPDATE
         SET active = EXCLUDED.active, version = EXCLUDED.version
       WHERE blocks.version < EXCLUDED.version`,
      [blockerId, blockedId, active, version],
    );
  }

  /** Whether either person blocked the other. */
  async eitherBlocked(db: EntityManager, a: string, b: string): Promise<boolean> {
    const rows = (await db.query(
      `SELECT 1 FROM blocks WHERE active AND ((blocker_id = $1 AND blocked_id = $2)
         OR (blocker_id = $2 AND blocked_id = $1)) LIMIT 1`,
      [a, b],
    )) as unknown[];
    return rows.length > 0;
  }

  async removeAllOf(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('DELETE FROM blocks WHERE blocker_id = $1 OR blocked_id = $1', [userId]);
  }
}
