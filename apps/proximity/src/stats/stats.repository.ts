import { Injectable } from '@nestjs/common';
import type { InterestCategory } from '@rendezvous/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { CategoryCount } from './stats.shapes';

// Every writer touches the day's row first, so concurrent writers queue on it and the category
// rows are never locked in two orders.

@Injectable()
export class StatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async countSession(tx: EntityManager, day: string, categories: InterestCategory[]) {
    await tx.query(
      `INSERT INTO proximity_daily_stats (day, sessions) VALUES ($1, 1)
       ON CONFLICT (day) DO UPDATE SET sessions = proximity_daily_stats.sessions + 1`,
      [day],
    );
    await tx.query(
      `INSERT INTO proximity_category_stats (day, category, sessions)
       SELECT $1, category, 1 FROM unnest($2::text[]) AS category ORDER BY category
       ON CONFLICT (day, category)
       DO UPDATE SET sessions = proximity_category_stats.sessions + 1`,
      [day, categories],
    );
  }

  async countMatch(tx: EntityManager, day: string) {
    await tx.query(
      `INSERT INTO proximity_daily_stats (day, matches) VALUES ($1, 1)
       ON CONFLICT (day) DO UPDATE SET matches = proximity_daily_stats.matches + 1`,
      [day],
    );
  }

  async day(
    day: string,
  ): Promise<{ sessions: number; matches: number; categories: CategoryCount[] }> {
    const [totals, categories] = await Promise.all([
      this.dataSource.query('SELECT sessions, matches FROM proximity_daily_stats WHERE day = $1', [
        day,
      ]) as Promise<{ sessions: number; matches: number }[]>,
      this.dataSource.query(
        'SELECT category, sessions AS count FROM proximity_category_stats WHERE day = $1',
        [day],
      ) as Promise<CategoryCount[]>,
    ]);
    return {
      sessions: totals[0]?.sessions ?? 0,
      matches: totals[0]?.matches ?? 0,
      categories,
    };
  }
}
