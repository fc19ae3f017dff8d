/** What became of a dead letter (API.md, Operations): only a `pending` one may change, once. */
export const DEAD_LETTER_STATUSES = ['pending', 'replayed', 'discarded'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];
