import { ageOn } from './hard-filters';
import type { MatchProfile } from './match-profile';

/** `YYYY-MM-DD` of the day `years` years before `now` (UTC). */
export function yearsBefore(now: Date, years: number): string {
  const day = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate()));
  return day.toISOString().slice(0, 10);
}

/**
 * The parameters of the store-side filters that hold for every candidate of `viewer`: the
 * viewer's age range as birth-date bounds and the viewer's own age for the candidates' ranges.
 */
export function ageBounds(viewer: MatchProfile, now: Date) {
  return {
    // Old enough: born on or before this day.
    bornOnOrBefore: yearsBefore(now, viewer.ageMin),
    // Not too old: born after this day.
    bornAfter: yearsBefore(now, viewer.ageMax + 1),
    viewerAge: ageOn(viewer.birthDate, now),
  };
}
