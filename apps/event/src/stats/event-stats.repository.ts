import { Injectable } from '@nestjs/common';
import type { DayCount, StatsFigures, StatsSource } from '@rendezvous/platform';
import { mergeDayCounts, StatTallies } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';

/**
 * The event service's `stats.reported`, counted as the gateway counts the events:
 * `event.created` adds a scheduled event and `event.cancelled` takes it away (an event that has
 * ended still counts: no event says so); every `event.registration.created` (waitlisted too) is
 * a registration on its day. A row counts its first arrival; a return after cancelling and a row
 * removed with its person were kept in the tallies then.
 */
@Injectable()
export class EventStatsRepository implements StatsSource {
  constructor(private readonly tallies: StatTallies) {}

  async read(tx: EntityManager, since: Date): Promise<StatsFigures> {
    const [totals] = (await tx.query(
      `SELECT count(*)::int AS "eventsScheduled" FROM events WHERE status = 'scheduled'`,
    )) as [{ eventsScheduled: number }];
    const counts = (await tx.query(
      `SELECT 'registrations' AS counter,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS count
       FROM registrations WHERE created_at >= $1 GROUP BY 2`,
      [since],
    )) as DayCount[];
    const kept = await this.tallies.since(tx, since);
    return { totals, days: mergeDayCounts([...counts, ...kept], since) };
  }
}
