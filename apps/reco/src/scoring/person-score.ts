import type { PersonFactors } from './factors.shapes';
import {
  affinity,
  CATEGORY_AFFINITY,
  DEFAULT_PERSON_WEIGHTS,
  VENUE_AFFINITY,
} from './formula-constants';
import type { InteractionSums } from './venue-score';
import { round4 } from './venue-score';

/** How much each part of a companion's score counts (defaults in formula-constants). */
export interface PersonWeights {
  strength: number;
  venue: number;
  category: number;
}

export function venueAffinity(sums: InteractionSums): number {
  return affinity(sums, VENUE_AFFINITY);
}

export function categoryAffinity(sums: InteractionSums): number {
  return affinity(sums, CATEGORY_AFFINITY);
}

/** person = strength·strength + venue·venue affinity + category·category affinity. */
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
