import type { FieldError, Role } from '@rendezvous/contracts';
import { EVENT_LIMITS, roleAtLeast } from '@rendezvous/contracts';

/** Why a tag list is unacceptable: at most 10 strings of 1 to 30 characters once trimmed. */
export function tagsProblem(value: unknown): string | null {
  const { TAGS_MAX_ITEMS, TAG_MAX } = EVENT_LIMITS;
  const fine =
    Array.isArray(value) &&
    value.length <= TAGS_MAX_ITEMS &&
    value.every(
      (tag) => typeof tag === 'string' && tag.trim().length >= 1 && tag.length <= TAG_MAX,
    );
  return fine
    ? null
    : `must be a list of at most ${TAGS_MAX_ITEMS} strings of 1 to ${TAG_MAX} characters`;
}

/** Trimmed, without repeats (compared case-insensitively; the first spelling stays). */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags.map((t) => t.trim())) {
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/**
 * A changed schedule must still end after it starts; the field the caller sent is named (the
 * end when both were sent).
 */
export function scheduleProblems(
  startsAt: Date,
  endsAt: Date,
  sent: { startsAt: boolean; endsAt: boolean },
): FieldError[] {
  if (endsAt.getTime() > startsAt.getTime()) return [];
  return sent.endsAt || !sent.startsAt
    ? [{ path: 'endsAt', message: 'endsAt must be after startsAt' }]
    : [{ path: 'startsAt', message: 'startsAt must be before the event’s endsAt' }];
}

/** Splits a list into runs of at most `size` (always at least one run, maybe empty). */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}

/**
 * Who may cancel an event: its organizer (`own`), and a moderator or admin any event
 * (`moderated`, audited); `null` for anyone else.
 */
export function cancellationBy(
  organizerId: string,
  caller: { id: string; role: Role },
): 'own' | 'moderated' | null {
  if (caller.id === organizerId) return 'own';
  return roleAtLeast(caller.role, 'moderator') ? 'moderated' : null;
}
