import type { UserProfileData } from '@rendezvous/contracts';
import { USER_LIMITS } from '@rendezvous/contracts';

export const EMPTY_PROFILE: UserProfileData = {
  bio: null,
  headline: null,
  birthDate: null,
  industry: null,
  jobLevel: null,
  company: null,
  companySize: null,
  interests: [],
  skills: [],
  languages: [],
  location: null,
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a birth date is unacceptable (`null` when fine): a real `YYYY-MM-DD`, 18+ years ago. */
export function birthDateProblem(value: unknown, now: Date = new Date()): string | null {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) return 'must be a date (YYYY-MM-DD)';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return 'must be a real calendar date';
  }
  // The 18th birthday, on the UTC day (Feb 29 births come of age on Mar 1).
  const adult = new Date(Date.UTC(year + USER_LIMITS.MIN_AGE, month - 1, day));
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (adult.getTime() > today.getTime()) return `must be at least ${USER_LIMITS.MIN_AGE} years ago`;
  if (year < 1900) return 'must be after 1900';
  return null;
}

export type ProfilePatch = { [K in keyof UserProfileData]?: UserProfileData[K] | null };

/** Applies a PATCH: absent fields stay, `null` clears (lists become empty). */
export function applyProfilePatch(profile: UserProfileData, patch: ProfilePatch): UserProfileData {
  const next: Record<string, unknown> = { ...EMPTY_PROFILE, ...profile };
  for (const [key, value] of Object.entries(patch) as [keyof UserProfileData, unknown][]) {
    if (value === undefined || !(key in EMPTY_PROFILE)) continue;
    next[key] = value === null ? EMPTY_PROFILE[key] : value;
  }
  return next as unknown as UserProfileData;
}

/** Why a location is unacceptable, or `null`: `{ lat, lng, city? }` within range. */
export function locationProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be an object { lat, lng, city }';
  }
  const { lat, lng, city, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) return `has an unknown key ${extra}`;
  if (typeof lat !== 'number' || !(lat >= -90 && lat <= 90)) return 'lat must be from -90 to 90';
  if (typeof lng !== 'number' || !(lng >= -180 && lng <= 180)) {
    return 'lng must be from -180 to 180';
  }
  if (city !== undefined && city !== null) {
    if (typeof city !== 'string' || city.length > USER_LIMITS.CITY_MAX) {
      return `city must be a string of at most ${USER_LIMITS.CITY_MAX} characters`;
    }
  }
  return null;
}
