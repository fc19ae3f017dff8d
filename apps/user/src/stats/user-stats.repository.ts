import { Injectable } from '@nestjs/common';
import type { DayCount, StatsFigures, StatsSource } from '@rendezvous/platform';
import { mergeDayCounts } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';

/**
 * The user service's `stats.reported`, counted as the gateway counts the events: `user.created`
 * adds a user and a signup on its day, `user.deleted` takes the user away (deleted people keep
 * their row, so their signup stays); `report.created` opens a report and counts on its day, and
 * every decision closes one.
 */
@Injectable()
export class UserStatsRepository implements StatsSource {
  async read(tx: EntityManager, since: Date): Promise<StatsFigures> {
    const [totals] = (await tx.query(
      `SELECT (SELECT count(*)::int FROM users WHERE deleted_at IS NULL) AS "usersTotal",
              (SELECT count(*)::int FROM reports WHERE status = 'open') AS "reportsOpen"`,
    )) as [{ usersTotal: number; reportsOpen: number }];
    const counts = (await tx.query(
      `SELECT 'signups' AS counter, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              count(*)::int AS count
       FROM users WHERE created_at >= $1 GROUP BY 2
       UNION ALL
       SELECT 'reports', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*)::int
       FROM reports WHERE created_at >= $1 GROUP BY 2`,
      [since],
    )) as DayCount[];
    return { totals, days: mergeDayCounts(counts, since) };
  }
}
