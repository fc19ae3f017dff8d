import type { WeightKey } from '../users/user-values';
import { WEIGHT_KEYS } from '../users/user-values';

/** The factors of the compatibility score, each 0..1; the same keys as `preferences.weights`. */
export const FACTOR_KEYS: readonly WeightKey[] = WEIGHT_KEYS;
export type CompatibilityFactors = Record<WeightKey, number>;
