import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A pair's tie as stored: the latest connection and the match that feed its strength. */
export interface TieRow {
  connection_id: string | null;
  connection_version: number | null;
  connection_strength: number | null;
  connection_at: Date | null;
  matched_at: Date | null;
}

/** The `ties` table: one row per pair of people, `user_a < user_b`. */
@Injectable()
export class TiesRepository {
  /** The pair's row, added when missing and locked for the transaction. */
  async lock(tx: EntityManager, pair: [string, string]): Promise<TieRow> {
    await tx.query(
      `INSERT INTO ties (user_a, user_b, strength) VALUES ($1, $2, 0)
       ON CONFLICT (user_a, user_b) DO NOTHING`,
      pair,
    );
    const rows = (await tx.query(
      `SELECT connection_id, connection_version, connection_strength, connection_at, matched_at
       FROM ties WHERE user_a = $1 AND user_b = $2 FOR UPDATE`,
      pair,
    )) as TieRow[];
    return rows[0];
  }

  async write(
    tx: EntityManager,
    pair: [string, string],
    row: TieRow & { strength: number },
  ): Promise<void> {
    await tx.query(
      `UPDATE ties SET connection_id = $3, connection_version = $4, connection_strength = $5,
         connection_at = $6, matched_at = $7, strength = $8
       WHERE user_a = $1 AND user_b = $2`,
      [
        ...pair,
        row.connection_id,
        row.connection_version,
        row.connection_strength,
        row.connection_at,
        row.matched_at,
        row.strength,
      ],
    );
  }

  async removeAllOf(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('DELETE FROM ties WHERE user_a = $1 OR user_b = $1', [userId]);
  }
}
