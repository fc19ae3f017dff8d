import { Injectable } from '@nestjs/common';
import type { TimeslotEventData } from '@rendezvous/contracts';
import type { Queryable } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';

export interface Slot {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * People's published timeslots, from the user service's `timeslot.*` events, applied when newer.
 * A slot counts as free when the user service says so and no booking here holds it yet (the
 * user service learns of a booking a moment later, from `booking.confirmed`).
 */
@Injectable()
export class TimeslotsRepository {
  async apply(
    tx: EntityManager,
    slot: TimeslotEventData,
    version: number,
    deleted: boolean,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO timeslots (id, user_id, starts_at, ends_at, status, deleted, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
         status = EXCLUDED.status, deleted = EXCLUDED.deleted, version = EXCLUDED.version
       WHERE timeslots.version < EXCLUDED.version AND NOT timeslots.deleted`,
      [slot.timeslotId, slot.userId, slot.startsAt, slot.endsAt, slot.status, deleted, version],
    );
  }

  /** Whether the person has published any slot that has not ended, free or not. */
  async publishesSlots(db: Queryable, userId: string, now: Date): Promise<boolean> {
    const rows = (await db.query(
      'SELECT 1 FROM timeslots WHERE user_id = $1 AND NOT deleted AND ends_at > $2 LIMIT 1',
      [userId, now],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Whether the slot is gone for this plan: another plan's confirmed booking holds it, or the
   * user service has deleted it or no longer lists it as free.
   */
  async takenByAnotherPlan(db: Queryable, timeslotId: string, planId: string): Promise<boolean> {
    const rows = (await db.query(
      `SELECT 1 FROM bookings WHERE timeslot_id = $1 AND status = 'confirmed' AND plan_id <> $2
       UNION ALL
       SELECT 1 FROM timeslots WHERE id = $1 AND (deleted OR status <> 'free')`,
      [timeslotId, planId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** The person's free slots that end after `from`, by start time. */
  async freeSlots(db: Queryable, userId: string, from: Date): Promise<Slot[]> {
    const rows = (await db.query(
      `SELECT t.id, t.starts_at, t.ends_at FROM timeslots t
       WHERE t.user_id = $1 AND NOT t.deleted AND t.status = 'free' AND t.ends_at > $2
         AND NOT EXISTS (SELECT 1 FROM bookings b
                         WHERE b.timeslot_id = t.id AND b.status = 'confirmed')
       ORDER BY t.starts_at, t.id`,
      [userId, from],
    )) as { id: string; starts_at: Date; ends_at: Date }[];
    return rows.map((r) => ({ id: r.id, startsAt: r.starts_at, endsAt: r.ends_at }));
  }
}
