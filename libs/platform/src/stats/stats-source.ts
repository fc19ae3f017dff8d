import type { StatsDay, StatsTotals } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';

/** What one service reports of the facts it owns (`stats.reported`, without `service`, `asOf`). */
export interface StatsFigures {
  totals: StatsTotals;
  days: StatsDay[];
}

/**
 * A service's query for its `stats.reported`: every figure read with `tx`, one REPEATABLE READ
 * transaction, so all of them are as of the same instant; `since` is midnight UTC of the oldest
 * day reported.
 */
export interface StatsSource {
  read(tx: EntityManager, since: Date): Promise<StatsFigures>;
}

export const STATS_SOURCE = Symbol('STATS_SOURCE');
