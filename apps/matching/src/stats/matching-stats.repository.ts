import { Injectable } from '@nestjs/common';
import type { DayCount, StatsFigures, StatsSource } from '@rendezvous/platform';
import { mergeDayCounts, StatTallies } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';

/**
 * Matching's `stats.reported`, counted as the gateway counts the events: every
 * `swipe.performed` is a swipe on its day and a like unless it passed (super likes are likes);
 * every `match.created` a match on its day (matches are never deleted, only ended). A deleted
 * person's swipes are gone from `swipes`: their counts were kept in the tallies then.
 */
@Injectable()
export class MatchingStatsRepository implements StatsSource {
  constructor(private readonly tallies: StatTallies) {}

  async read(tx: EntityManager, since: Date): Promise<StatsFigures> {
    const counts = (await tx.query(
      `SELECT 'swipes' AS counter, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              count(*)::int AS count
       FROM swipes WHERE created_at >= $1 GROUP BY 2
       UNION ALL
       SELECT 'likes', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*)::int
       FROM swipes WHERE created_at >= $1 AND action <> 'pass' GROUP BY 2
       UNION ALL
       SELECT 'matches', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*)::int
       FROM matches WHERE created_at >= $1 GROUP BY 2`,
      [since],
    )) as DayCount[];
    const kept = await this.tallies.since(tx, since);
    return { totals: {}, days: mergeDayCounts([...counts, ...kept], since) };
  }
}
