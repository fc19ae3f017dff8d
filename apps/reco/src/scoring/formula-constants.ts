import type { PersonWeights } from './person-score';
import type { InteractionSums, VenueWeights } from './venue-score';

/**
 * The numbers of API.md's recommendation formulas, for the TypeScript that scores and the SQL
 * that ranks alike. The weights are only defaults (RecoConfig can change them); the affinity
 * scales are fixed.
 */
export const DEFAULT_VENUE_WEIGHTS: VenueWeights = {
  distance: 0.4,
  preference: 0.4,
  popularity: 0.2,
  decayPerKm: 0.3,
};

export const DEFAULT_PERSON_WEIGHTS: PersonWeights = { strength: 0.6, venue: 0.25, category: 0.15 };

/** An affinity is min(1, perLike·likes + dwell/dwellSeconds). */
export interface AffinityScale {
  perLike: number;
  dwellSeconds: number;
}

/** A person's preference for one venue (and a friend's venue affinity). */
export const VENUE_AFFINITY: AffinityScale = { perLike: 0.5, dwellSeconds: 300 };

/** A friend's affinity for a venue's category. */
export const CATEGORY_AFFINITY: AffinityScale = { perLike: 0.3, dwellSeconds: 600 };

export function affinity(sums: InteractionSums, scale: AffinityScale): number {
  return Math.min(1, scale.perLike * sums.likes + sums.dwellSeconds / scale.dwellSeconds);
}

/** `affinity` over two SQL expressions; the scale's numbers come from this module only. */
export function affinitySql(likes: string, dwell: string, scale: AffinityScale): string {
  return `least(1, ${sqlNumber(scale.perLike)} * ${likes} + ${dwell} / ${sqlNumber(scale.dwellSeconds)}::float8)`;
}

/** The formula as API documents it, e.g. `min(1, 0.5·likes + dwell/300)`. */
export function affinityText(scale: AffinityScale): string {
  return `min(1, ${scale.perLike}·likes + dwell/${scale.dwellSeconds})`;
}

function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  return String(value);
}
