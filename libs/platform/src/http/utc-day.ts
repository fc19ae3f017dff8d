const DAY_MS = 86_400_000;

/** The UTC day (`YYYY-MM-DD`) daily limits count in (API.md: "today" is the UTC day). */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whole seconds until the next UTC midnight, at least 1: the `Retry-After` of a daily limit. */
export function secondsUntilNextUtcDay(now: Date): number {
  const nextMidnight = Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS;
  return Math.max(1, Math.ceil((nextMidnight - now.getTime()) / 1000));
}
