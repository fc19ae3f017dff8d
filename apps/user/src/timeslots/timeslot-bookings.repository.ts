import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PlanBookingState {
  timeslotId: string;
  planId: string;
  /** The plan's aggregate version the state comes from. */
  version: number;
  confirmed: boolean;
}

@Injectable()
export class TimeslotBookingsRepository {
  /** Stores the plan's booking state for the slot unless a newer one is held; true if stored. */
  async recordIfNewer(tx: EntityManager, state: PlanBookingState): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO timeslot_bookings (timeslot_id, plan_id, version, confirmed)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (timeslot_id, plan_id) DO UPDATE
         SET version = EXCLUDED.version, confirmed = EXCLUDED.confirmed
         WHERE timeslot_bookings.version < EXCLUDED.version
       RETURNING plan_id`,
      [state.timeslotId, state.planId, state.version, state.confirmed],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Whether each plan holding the slot has a confirmed booking. */
  async confirmedFlags(tx: EntityManager, timeslotId: string): Promise<boolean[]> {
    const rows = (await tx.query('SELECT confirmed FROM timeslot_bookings WHERE timeslot_id = $1', [
      timeslotId,
    ])) as { confirmed: boolean }[];
    return rows.map((r) => r.confirmed);
  }
}
