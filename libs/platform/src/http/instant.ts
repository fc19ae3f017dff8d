// RFC 3339 date-time: seconds required, an explicit zone (`Z` or an offset), never a local time.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/i;

const FORM = 'must be an RFC 3339 date-time with a time zone (e.g. 2030-01-31T18:00:00Z)';
// What the API accepts, its events must carry: `toISOString()` and JSON Schema's `date-time`
// only write years 0001-9999.
const MIN_MS = new Date('0001-01-01T00:00:00.000Z').getTime();
const MAX_MS = new Date('9999-12-31T23:59:59.999Z').getTime();

/** Midnight UTC of a calendar day, valid for every year (`Date.UTC` maps 0-99 to 1900-1999). */
function utcDay(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Why a value is not an instant the API accepts (`null` when it is one). */
export function instantProblem(value: unknown): string | null {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match) return FORM;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const date = utcDay(year, month, day);
  const realDay =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  const realTime = hour <= 23 && minute <= 59 && second <= 59;
  const offsetHours = match[8] === undefined ? 0 : Number(match[8]);
  const offsetMinutes = match[9] === undefined ? 0 : Number(match[9]);
  const realOffset = offsetHours <= 23 && offsetMinutes <= 59;
  if (!realDay || !realTime || !realOffset) return 'must be a real date and time';
  const sign = match[7] === '-' ? -1 : 1;
  const utc =
    date.getTime() +
    ((hour * 60 + minute - sign * (offsetHours * 60 + offsetMinutes)) * 60 + second) * 1000;
  return utc >= MIN_MS && utc <= MAX_MS ? null : 'must lie in the years 0001 to 9999 (UTC)';
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
