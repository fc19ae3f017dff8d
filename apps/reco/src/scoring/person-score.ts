import type { PersonFactors } from './factors.shapes';
import type { InteractionSums } from './venue-score';
import { round4 } from './venue-score';

/** How much each part of a companion's score counts (the defaults are 0.6, 0.25, 0.15). */
export interface PersonWeights {
  strength: number;
  venue: number;
  category: number;
}

export const DEFAULT_PERSON_WEIGHTS: PersonWeights = { strength: 0.6, venue: 0.25, category: 0.15 };

export function venueAffinity(sums: InteractionSums): number {
  return Math.min(1, 0.5 * sums.likes + sums.dwellSeconds / 300);
}

export function categoryAffinity(sums: InteractionSums): number {
  return Math.min(1, 0.3 * sums.likes + sums.dwellSeconds / 600);
}

/** person = 0.6·strength + 0.25·venue affinity + 0.15·category affinity (by default). */
export function personScore(
  strength: number,
  onVenue: InteractionSums,
  onCategory: InteractionSums,
  weights: PersonWeights = DEFAULT_PERSON_WEIGHTS,
): { score: number; factors: PersonFactors } {
  const factors: PersonFactors = {
    strength,
    venue: venueAffinity(onVenue),
    category: categoryAffinity(onCategory),
  };
  const score =
    weights.strength * factors.strength +
    weights.venue * factors.venue +
    weights.category * factors.category;
  return {
    score: round4(score),
    factors: {
      strength: round4(factors.strength),
      venue: round4(factors.venue),
      category: round4(factors.category),
    },
  };
}
