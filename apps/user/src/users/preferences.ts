import type { MatchingWeights, UserPreferencesData, WeightKey } from '@rendezvous/contracts';
import { USER_LIMITS, WEIGHT_KEYS } from '@rendezvous/contracts';

export const DEFAULT_PREFERENCES: UserPreferencesData = {
  ageMin: USER_LIMITS.MIN_AGE,
  ageMax: USER_LIMITS.MAX_AGE,
  distanceKm: 50,
  industries: [],
  jobLevels: [],
  companySizes: [],
  interests: [],
  networkingGoals: [],
  meetingTypes: [],
  languages: [],
  excludeColleagues: false,
  weights: null,
};

/** Why a weights object is unacceptable, or `null`. */
export function weightsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be an object';
  }
  const entries = Object.entries(value);
  const unknown = entries.find(([key]) => !WEIGHT_KEYS.includes(key as WeightKey));
  if (unknown) return `has an unknown key ${unknown[0]} (allowed: ${WEIGHT_KEYS.join(', ')})`;
  for (const [key, weight] of entries) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      return `${key} must be a number from 0 to ${USER_LIMITS.WEIGHT_MAX}`;
    }
    if (weight > USER_LIMITS.WEIGHT_MAX) {
      return `${key} must be a number from 0 to ${USER_LIMITS.WEIGHT_MAX}`;
    }
  }
  if (!entries.some(([, weight]) => (weight as number) > 0)) return 'must not be all zero';
  return null;
}

/** Scales the given weights to sum 1; factors left out weigh 0. */
export function normaliseWeights(weights: Partial<Record<WeightKey, number>>): MatchingWeights {
  const total = WEIGHT_KEYS.reduce((sum, key) => sum + (weights[key] ?? 0), 0);
  if (!(total > 0)) throw new Error('weights must not be all zero');
  return Object.fromEntries(
    WEIGHT_KEYS.map((key) => [key, (weights[key] ?? 0) / total]),
  ) as MatchingWeights;
}

/** Why ageMin/ageMax disagree, given what is set (the other side takes its default). */
export function ageRangeProblem(ageMin: unknown, ageMax: unknown): string | null {
  const min = typeof ageMin === 'number' ? ageMin : DEFAULT_PREFERENCES.ageMin;
  const max = typeof ageMax === 'number' ? ageMax : DEFAULT_PREFERENCES.ageMax;
  return min > max ? 'must not be greater than ageMax' : null;
}

export type PreferencesInput = {
  [K in keyof UserPreferencesData]?: K extends 'weights'
    ? Partial<Record<WeightKey, number>> | null
    : UserPreferencesData[K] | null;
};

/** A PUT replaces the whole set: omitted (or null) fields take their defaults. */
export function preferencesFrom(input: PreferencesInput): UserPreferencesData {
  const result: Record<string, unknown> = { ...DEFAULT_PREFERENCES };
  for (const key of Object.keys(DEFAULT_PREFERENCES) as (keyof UserPreferencesData)[]) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    result[key] = key === 'weights' ? normaliseWeights(value as Record<WeightKey, number>) : value;
  }
  return result as unknown as UserPreferencesData;
}
