import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TimeslotStatus } from '@rendezvous/contracts';
import type { Cursor, Queryable } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';

export interface TimeslotRow {
  id: string;
  user_id: string;
  starts_at: Date;
  ends_at: Date;
  status: TimeslotStatus;
  version: number;
}

/** People's timeslots: the `timeslots` table. */
@Injectable()
export class TimeslotsRepository {
  /** Whether one of the person's slots overlaps `[startsAt, endsAt)`. */
  async overlaps(
    tx: EntityManager,
    userId: string,
    { startsAt, endsAt }: { startsAt: Date; endsAt: Date },
  ): Promise<boolean> {
    const clash = (await tx.query(
      'SELECT 1 FROM timeslots WHERE user_id = $1 AND starts_at < $3 AND ends_at > $2 LIMIT 1',
      [userId, startsAt, endsAt],
    )) as unknown[];
    return clash.length > 0;
  }

  async insert(
    tx: EntityManager,
    userId: string,
    { startsAt, endsAt }: { startsAt: Date; endsAt: Date },
  ): Promise<TimeslotRow> {
    const [row] = (await tx.query(
      `INSERT INTO timeslots (id, user_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)
       RETURNING *`,
      [randomUUID(), userId, startsAt, endsAt],
    )) as TimeslotRow[];
    return row;
  }

  /** The person's slots that have not ended, by start time. */
  async page(
    db: Queryable,
    userId: string,
    after: Cursor | null,
    limit: number,
  ): Promise<TimeslotRow[]> {
    return (await db.query(
      `SELECT * FROM timeslots
       WHERE user_id = $1 AND ends_at > now()
         AND ($2::timestamptz IS NULL OR (starts_at, id) > ($2::timestamptz, $3::uuid))
       ORDER BY starts_at, id LIMIT $4`,
      [userId, after?.key ?? null, after?.id ?? null, limit + 1],
    )) as TimeslotRow[];
  }

  /** The removed slot; `undefined` when the person has no such slot. */
  async delete(tx: EntityManager, id: string, userId: string): Promise<TimeslotRow | undefined> {
    const [rows] = (await tx.query(
      'DELETE FROM timeslots WHERE id = $1 AND user_id = $2 RETURNING *',
      [id, userId],
    )) as [TimeslotRow[], number];
    return rows[0];
  }

  async deleteAllOf(tx: EntityManager, userId: string): Promise<TimeslotRow[]> {
    const [rows] = (await tx.query('DELETE FROM timeslots WHERE user_id = $1 RETURNING *', [
      userId,
    ])) as [TimeslotRow[], number];
    return rows;
  }

  /** The slot, locked; `undefined` when it, or its person, is deleted. */
  async lockLiving(tx: EntityManager, id: string): Promise<TimeslotRow | undefined> {
    const [slot] = (await tx.query(
      `SELECT t.* FROM timeslots t JOIN users u ON u.id = t.user_id AND u.deleted_at IS NULL
       WHERE t.id = $1 FOR UPDATE OF t`,
      [id],
    )) as TimeslotRow[];
    return slot;
  }

  async setStatus(tx: EntityManager, id: string, status: TimeslotStatus): Promise<TimeslotRow> {
    const [rows] = (await tx.query(
      'UPDATE timeslots SET status = $2, version = version + 1 WHERE id = $1 RETURNING *',
      [id, status],
    )) as [TimeslotRow[], number];
    return rows[0];
  }
}
