import type { VenueFactors } from './factors.shapes';
import { affinity, DEFAULT_VENUE_WEIGHTS, VENUE_AFFINITY } from './formula-constants';

/** How much each part of a venue's score counts (defaults in formula-constants). */
export interface VenueWeights {
  distance: number;
  preference: number;
  popularity: number;
  /** Per kilometre: the distance factor is e^(−decay·km). */
  decayPerKm: number;
}

/** One person's interactions with one venue (or one category), summed. */
export interface InteractionSums {
  /** `like` and `interest` interactions. */
  likes: number;
  /** Dwell seconds of all interactions, views included. */
  dwellSeconds: number;
}

export const NO_INTERACTIONS: InteractionSums = { likes: 0, dwellSeconds: 0 };

export interface ScoredVenue {
  score: number;
  factors: VenueFactors;
}

export function distanceFactor(km: number | null, decayPerKm: number): number {
  return km === null ? 0 : Math.exp(-decayPerKm * km);
}

export function venuePreference(own: InteractionSums): number {
  return affinity(own, VENUE_AFFINITY);
}

export function popularity(venueLikes: number, mostLikes: number): number {
  return mostLikes > 0 ? Math.min(1, venueLikes / mostLikes) : 0;
}

/** venue = distance·e^(−decay·km) + preference·venue affinity + popularity·popularity share. */
export function venueScore(
  km: number | null,
  own: InteractionSums,
  venueLikes: number,
  mostLikes: number,
  weights: VenueWeights = DEFAULT_VENUE_WEIGHTS,
): ScoredVenue {
  const factors: VenueFactors = {
    distance: distanceFactor(km, weights.decayPerKm),
    preference: venuePreference(own),
    popularity: popularity(venueLikes, mostLikes),
  };
  const score =
    weights.distance * factors.distance +
    weights.preference * factors.preference +
    weights.popularity * factors.popularity;
  return { score: round4(score), factors: roundAll(factors) };
}

export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function roundAll<T extends object>(factors: T): T {
  return Object.fromEntries(
    Object.entries(factors).map(([key, value]) => [key, round4(value as number)]),
  ) as T;
}
