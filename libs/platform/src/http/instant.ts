// ISO-8601 date-time with an explicit zone (`Z` or an offset): a moment, never a local time.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/i;

/** Why a value is not an instant (`null` when it is one). */
export function instantProblem(value: unknown): string | null {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match) return 'must be an ISO-8601 date-time with a time zone (e.g. 2030-01-31T18:00:00Z)';
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDay =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  const realTime = hour <= 23 && minute <= 59 && second <= 59;
  const realOffset = match[8] === undefined || (Number(match[8]) <= 23 && Number(match[9]) <= 59);
  return realDay && realTime && realOffset ? null : 'must be a real date and time';
}

export function isInstant(value: unknown): value is string {
  return instantProblem(value) === null;
}

/** Why a start time is unacceptable: not an instant, or not in the future. */
export function startsAtProblem(value: unknown, now: Date = new Date()): string | null {
  const problem = instantProblem(value);
  if (problem) return problem;
  return new Date(value as string).getTime() > now.getTime() ? null : 'must be in the future';
}

/** Why an end time is unacceptable; compared with the start only when that is an instant. */
export function endsAtProblem(value: unknown, startsAt: unknown): string | null {
  const problem = instantProblem(value);
  if (problem) return problem;
  if (isInstant(startsAt) && new Date(value as string) <= new Date(startsAt)) {
    return 'must be after startsAt';
  }
  return null;
}
