import { Injectable } from '@nestjs/common';
import type { DayCount, StatsFigures, StatsSource } from '@rendezvous/platform';
import { mergeDayCounts, StatTallies } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';

/**
 * The booking agent's `stats.reported`, counted as the gateway counts the events: each
 * `booking.confirmed` is a booking row on its day (one per plan, kept when cancelled); each
 * `booking.failed` was tallied when the plan failed (a failed plan may be cancelled later).
 */
@Injectable()
export class BookingStatsRepository implements StatsSource {
  constructor(private readonly tallies: StatTallies) {}

  async read(tx: EntityManager, since: Date): Promise<StatsFigures> {
    const counts = (await tx.query(
      `SELECT 'bookingsConfirmed' AS counter,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS count
       FROM bookings WHERE created_at >= $1 GROUP BY 2`,
      [since],
    )) as DayCount[];
    const kept = await this.tallies.since(tx, since);
    return { totals: {}, days: mergeDayCounts([...counts, ...kept], since) };
  }
}
