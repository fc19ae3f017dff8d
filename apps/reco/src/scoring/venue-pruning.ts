import type { VenueWeights } from './venue-score';

/** Search radii (km) tried in turn before ranking every venue. */
export const PRUNING_RADII_KM = [2, 8, 32, 128] as const;

/** How many of the most popular venues are always candidates. */
export const POPULAR_CANDIDATES = 100;

/**
 * Whether ranking only the candidates (venues within `radiusKm`, the caller's own, the
 * `POPULAR_CANDIDATES` most popular) gave the true top `limit`. Any other venue is farther than
 * the radius, unknown to the caller and no more popular than the least popular candidate, so
 * it scores at most `bound`; the candidates' `limit`-th score must reach it.
 */
export function prunedRankingIsExact(
  scores: number[],
  limit: number,
  radiusKm: number,
  leastPopularCandidate: number,
  weights: VenueWeights,
): boolean {
  if (scores.length < limit) return false;
  const bound =
    weights.distance * Math.exp(-weights.decayPerKm * radiusKm) +
    weights.popularity * leastPopularCandidate;
  // Scores come rounded to 4 places; the margin keeps a rounded-up score from passing.
  return Math.min(...scores.slice(0, limit)) >= bound + 0.0001;
}
