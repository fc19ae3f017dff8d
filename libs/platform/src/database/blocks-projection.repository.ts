import { Injectable } from '@nestjs/common';
import type { UserBlockData } from '@rendezvous/contracts';
import type { Queryable } from './queryable';
import type { QueryRunner } from 'typeorm';

/**
 * The `blocks` table of a service's projection of people: the newest state of each (blocker,
 * blocked) pair from `user.blocked` / `user.unblocked`, by the blocker's version. The one
 * definition of it, for every service that must never act across a block.
 */
export async function createBlocksTable(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE blocks (
      blocker_id uuid NOT NULL,
      blocked_id uuid NOT NULL,
      active boolean NOT NULL,
      version integer NOT NULL,
      PRIMARY KEY (blocker_id, blocked_id)
    )`);
  await runner.query('CREATE INDEX blocks_blocked ON blocks (blocked_id, blocker_id) WHERE active');
}

/** One (blocker, blocked) pair's newest state. */
export interface BlockState {
  blockerId: string;
  blockedId: string;
  version: number;
  active: boolean;
}

interface BlockRow {
  blocker_id: string;
  blocked_id: string;
  version: number;
  active: boolean;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class BlocksProjection {
  /** Every pair's state, `pageSize` at a time: what a copy kept in Redis is rebuilt from. */
  async *pages(db: Queryable, pageSize = 1_000): AsyncGenerator<BlockState[]> {
    let after = [NIL_UUID, NIL_UUID];
    for (;;) {
      const rows = (await db.query(
        `SELECT blocker_id, blocked_id, version, active FROM blocks
          WHERE (blocker_id, blocked_id) > ($1::uuid, $2::uuid)
          ORDER BY blocker_id, blocked_id LIMIT $3`,
        [...after, pageSize],
      )) as BlockRow[];
      if (rows.length === 0) return;
      yield rows.map((row) => ({
        blockerId: row.blocker_id,
        blockedId: row.blocked_id,
        version: row.version,
        active: row.active,
      }));
      const last = rows[rows.length - 1];
      after = [last.blocker_id, last.blocked_id];
    }
  }

  /**
   * Records a block or unblock if it is newer (by the blocker's version) than the pair's state,
   * so an unblock overtaken by an older block stays unblocked.
   */
  async applyIfNewer(
    tx: Queryable,
    block: UserBlockData,
    active: boolean,
    version: number,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO blocks (blocker_id, blocked_id, active, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (blocker_id, blocked_id) DO UPDATE
         SET active = EXCLUDED.active, version = EXCLUDED.version
       WHERE blocks.version < EXCLUDED.version`,
      [block.blockerId, block.blockedId, active, version],
    );
  }

  async isActive(db: Queryable, blockerId: string, blockedId: string): Promise<boolean> {
    const rows = (await db.query(
      'SELECT 1 FROM blocks WHERE active AND blocker_id = $1 AND blocked_id = $2',
      [blockerId, blockedId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Whether either person blocked the other. */
  async eitherBlocked(db: Queryable, a: string, b: string): Promise<boolean> {
    const rows = (await db.query(
      `SELECT 1 FROM blocks WHERE active AND ((blocker_id = $1 AND blocked_id = $2)
         OR (blocker_id = $2 AND blocked_id = $1)) LIMIT 1`,
      [a, b],
    )) as unknown[];
    return rows.length > 0;
  }

  async removeAllOf(tx: Queryable, userId: string): Promise<void> {
    await tx.query('DELETE FROM blocks WHERE blocker_id = $1 OR blocked_id = $1', [userId]);
  }
}
