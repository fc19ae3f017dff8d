import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Queryable } from '../database/queryable';
import type { DayCount } from './stats-days';

/**
 * Counts kept beside the rows a report counts, for facts whose rows no longer show them. Written
 * only on paths that remove or reuse rows (rare), never on every counted change.
 */
@Injectable()
export class StatTallies {
  async add(tx: EntityManager, counts: readonly DayCount[]): Promise<void> {
    const kept = counts.filter(({ count }) => count !== 0);
    if (kept.length === 0) return;
    await tx.query(
      `INSERT INTO stat_tallies (counter, day, count)
       SELECT counter, day, sum(count) FROM unnest($1::text[], $2::date[], $3::bigint[])
         AS added (counter, day, count)
       GROUP BY counter, day
       ON CONFLICT (counter, day) DO UPDATE SET count = stat_tallies.count + EXCLUDED.count`,
      [kept.map((c) => c.counter), kept.map((c) => c.day), kept.map((c) => c.count)],
    );
  }

  async since(db: Queryable, since: Date): Promise<DayCount[]> {
    const rows = (await db.query(
      `SELECT counter, to_char(day, 'YYYY-MM-DD') AS day, count::int AS count
       FROM stat_tallies WHERE day >= ($1::timestamptz AT TIME ZONE 'UTC')::date`,
      [since],
    )) as DayCount[];
    return rows;
  }
}
