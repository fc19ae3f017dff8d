import type { InterestCategory } from '@rendezvous/contracts';
import { sortCategories } from '@rendezvous/contracts';
import type { InterestEntry } from './interest-hasher';
import type { EncounterAnswer } from './session.shapes';

export const NO_MATCH: EncounterAnswer = { match: false, sharedInterests: [], nudgeSent: false };

/** What the nudge script did with a pair that shares interests. */
export type NudgeOutcome = 'sent' | 'seen' | 'blocked' | 'gone';

/** Labels of the interests both sessions hold (equal hashes), deduplicated, in display order. */
export function sharedInterests(
  own: readonly InterestEntry[],
  other: readonly InterestEntry[],
): InterestCategory[] {
  const theirs = new Set(other.map((entry) => entry.hash));
  return sortCategories(own.filter((entry) => theirs.has(entry.hash)).map((e) => e.category));
}

/**
 * The reporter's answer. A blocked pair, or one whose session ended meanwhile, looks exactly
 * like an unknown token, so the answer reveals nothing about the other person.
 */
export function encounterAnswer(
  shared: InterestCategory[],
  outcome: NudgeOutcome,
): EncounterAnswer {
  switch (outcome) {
    case 'sent':
      return { match: true, sharedInterests: shared, nudgeSent: true };
    case 'seen':
      return { match: true, sharedInterests: shared, nudgeSent: false };
    case 'blocked':
    case 'gone':
      return NO_MATCH;
  }
}
