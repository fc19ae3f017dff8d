import { PROXIMITY_LIMITS } from '@rendezvous/contracts';
import type { CategoryCount } from './stats.shapes';

/** The UTC day (`YYYY-MM-DD`) of an ISO time or a date. */
export function utcDay(at: string | Date): string {
  return (typeof at === 'string' ? new Date(at) : at).toISOString().slice(0, 10);
}

/**
 * Categories counted at least the minimum times, most first (ties by name). Smaller groups are
 * left out: a count of one or two could point at a person.
 */
export function topCategories(
  counts: readonly CategoryCount[],
  minimum: number = PROXIMITY_LIMITS.STATS_MIN_CATEGORY_COUNT,
): CategoryCount[] {
  return counts
    .filter((entry) => entry.count >= minimum)
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))
    .map(({ category, count }) => ({ category, count }));
}
