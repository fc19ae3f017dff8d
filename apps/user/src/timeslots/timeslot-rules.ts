import type { FieldError, TimeslotStatus } from '@rendezvous/contracts';

/** What is wrong with a new slot, one entry per field (empty when fine). */
export function timeslotProblems(
  startsAt: Date,
  endsAt: Date,
  now: Date = new Date(),
): FieldError[] {
  const problems: FieldError[] = [];
  if (startsAt.getTime() < now.getTime()) {
    problems.push({ path: 'startsAt', message: 'startsAt must not be in the past' });
  }
  if (endsAt.getTime() <= startsAt.getTime()) {
    problems.push({ path: 'endsAt', message: 'endsAt must be after startsAt' });
  }
  return problems;
}

/** Half-open intervals: a slot ending at 10:00 and one starting at 10:00 do not overlap. */
export function overlaps(
  a: { startsAt: Date; endsAt: Date },
  b: { startsAt: Date; endsAt: Date },
): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** A slot is booked while any plan holding it has a confirmed booking (the coffee-meeting rule). */
export function slotStatus(confirmedByPlan: readonly boolean[]): TimeslotStatus {
  return confirmedByPlan.some(Boolean) ? 'booked' : 'free';
}
