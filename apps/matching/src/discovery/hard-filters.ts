import { normaliseTerm } from '@rendezvous/contracts';
import type { MatchProfile } from './match-profile';

/** Whole years between a `YYYY-MM-DD` birth date and `now` (UTC); `null` when unknown. */
export function ageOn(birthDate: string | null, now: Date): number | null {
  if (!birthDate) return null;
  // As YYYYMMDD numbers, the difference in ten-thousands is the whole years (run per candidate).
  const born =
    Number(birthDate.slice(0, 4)) * 10_000 +
    Number(birthDate.slice(5, 7)) * 100 +
    Number(birthDate.slice(8, 10));
  const today = now.getUTCFullYear() * 10_000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  return Math.floor((today - born) / 10_000);
}

/** Whether `person` fits `chooser`'s age range; an unknown age is not held against anyone. */
function fitsAgeRange(chooser: MatchProfile, person: MatchProfile, now: Date): boolean {
  const age = ageOn(person.birthDate, now);
  return age === null || (age >= chooser.ageMin && age <= chooser.ageMax);
}

function colleagues(a: MatchProfile, b: MatchProfile): boolean {
  if (!a.company || !b.company) return false;
  return normaliseTerm(a.company) === normaliseTerm(b.company);
}

/**
 * The hard filters that depend only on the two profiles, applied both ways: age ranges,
 * distance limits (when both locations are known and `checkDistance`), and colleagues when
 * either excludes them. `distanceKm` is the scorer's, to `b`'s cell centre, so both limits meet
 * the distance `a` is shown. Swipes, blocks and deletions are the store's to filter.
 */
export function fitEachOther(
  a: MatchProfile,
  b: MatchProfile,
  distanceKm: number | null,
  now: Date,
  checkDistance = true,
): boolean {
  if (!fitsAgeRange(a, b, now) || !fitsAgeRange(b, a, now)) return false;
  if (checkDistance && distanceKm !== null) {
    if (distanceKm > a.distanceKm || distanceKm > b.distanceKm) return false;
  }
  if ((a.excludeColleagues || b.excludeColleagues) && colleagues(a, b)) return false;
  return true;
}
