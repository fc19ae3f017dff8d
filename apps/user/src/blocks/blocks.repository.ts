import { Injectable } from '@nestjs/common';
import type { Cursor, Queryable } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';

export interface BlockRow {
  blocker_id: string;
  blocked_id: string;
  created_at: Date;
}

/** Who blocked whom: the `blocks` table. */
@Injectable()
export class BlocksRepository {
  /** The new block; `undefined` when it already existed. */
  async insert(
    tx: EntityManager,
    blockerId: string,
    blockedId: string,
  ): Promise<BlockRow | undefined> {
    const [row] = (await tx.query(
      `INSERT INTO blocks (blocker_id, blocked_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING *`,
      [blockerId, blockedId],
    )) as BlockRow[];
    return row;
  }

  async page(
    db: Queryable,
    blockerId: string,
    after: Cursor | null,
    limit: number,
  ): Promise<BlockRow[]> {
    return (await db.query(
      `SELECT * FROM blocks
       WHERE blocker_id = $1
         AND ($2::timestamptz IS NULL OR (created_at, blocked_id) > ($2::timestamptz, $3::uuid))
       ORDER BY created_at, blocked_id LIMIT $4`,
      [blockerId, after?.key ?? null, after?.id ?? null, limit + 1],
    )) as BlockRow[];
  }

  /** The removed block; `undefined` when there was none. */
  async delete(
    tx: EntityManager,
    blockerId: string,
    blockedId: string,
  ): Promise<BlockRow | undefined> {
    const [rows] = (await tx.query(
      'DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2 RETURNING *',
      [blockerId, blockedId],
    )) as [BlockRow[], number];
    return rows[0];
  }

  /** Removes the person's blocks in both directions; answers what was removed. */
  async deleteAllOf(tx: EntityManager, userId: string): Promise<BlockRow[]> {
    const [rows] = (await tx.query(
      'DELETE FROM blocks WHERE blocker_id = $1 OR blocked_id = $1 RETURNING *',
      [userId],
    )) as [BlockRow[], number];
    return rows;
  }

  async hasBlocked(db: Queryable, blockerId: string, blockedId: string): Promise<boolean> {
    const rows = (await db.query('SELECT 1 FROM blocks WHERE blocker_id = $1 AND blocked_id = $2', [
      blockerId,
      blockedId,
    ])) as unknown[];
    return rows.length > 0;
  }

  async isBlockedEitherWay(db: Queryable, a: string, b: string): Promise<boolean> {
    const rows = (await db.query(
      `SELECT 1 FROM blocks
       WHERE (blocker_id = $1 AND blocked_id = $2) OR (blocker_id = $2 AND blocked_id = $1)`,
      [a, b],
    )) as unknown[];
    return rows.length > 0;
  }
}
