import { PLAN_LIMITS } from '@rendezvous/contracts';

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

/** Why an invitee list is unacceptable: 1–20 distinct UUIDs (the caller is checked later). */
export function inviteesProblem(value: unknown): string | null {
  const { INVITEES_MIN, INVITEES_MAX } = PLAN_LIMITS;
  if (
    !Array.isArray(value) ||
    value.length < INVITEES_MIN ||
    value.length > INVITEES_MAX ||
    !value.every((id) => typeof id === 'string' && UUID.test(id))
  ) {
    return `must be a list of ${INVITEES_MIN} to ${INVITEES_MAX} user ids`;
  }
  const distinct = new Set(value.map((id: string) => id.toLowerCase()));
  return distinct.size === value.length ? null : 'must not name anyone twice';
}

export interface Window {
  startsAt: Date;
  endsAt: Date;
}

/** Whether `inner` lies wholly inside `outer`. */
export const within = (inner: Window, outer: Window): boolean =>
  outer.startsAt <= inner.startsAt && inner.endsAt <= outer.endsAt;

/**
 * Where two people's free slots overlap, soonest first, from `now` on (a window already under
 * way starts at `now`). Both lists are sorted by start.
 */
export function sharedWindows(mine: Window[], theirs: Window[], now: Date): Window[] {
  const windows: Window[] = [];
  let i = 0;
  let j = 0;
  while (i < mine.length && j < theirs.length) {
    const start = Math.max(mine[i].startsAt.getTime(), theirs[j].startsAt.getTime(), now.getTime());
    const end = Math.min(mine[i].endsAt.getTime(), theirs[j].endsAt.getTime());
    if (start < end) windows.push({ startsAt: new Date(start), endsAt: new Date(end) });
    if (mine[i].endsAt <= theirs[j].endsAt) i += 1;
    else j += 1;
  }
  return windows;
}
