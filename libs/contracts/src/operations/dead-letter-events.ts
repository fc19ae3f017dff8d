import type { Static } from '../events/schema-builder';
import { Closed, DateTime, defineEvent, OneOf, Type, Uuid } from '../events/schema-builder';
import { NOTE_MAX_LENGTH } from '../moderation/moderation-values';

export { DEAD_LETTER_STATUSES } from './dead-letter-values';
export type { DeadLetterStatus } from './dead-letter-values';

/**
 * `dead_letter.status_changed`; aggregate = the dead letter. The gateway's durable record of an
 * admin's replay or discard: a compacted topic it reads back from the start, so the status
 * outlives Redis. Produced with the replay itself and its `audit.recorded`.
 */
export const DEAD_LETTER_STATUS_CHANGED = defineEvent(
  1,
  Closed({
    deadLetterId: Uuid(),
    status: OneOf(['replayed', 'discarded']),
    by: Uuid(),
    note: Type.String({ minLength: 1, maxLength: NOTE_MAX_LENGTH }),
    at: DateTime(),
  }),
);
export type DeadLetterStatusChangedData = Static<typeof DEAD_LETTER_STATUS_CHANGED.data>;
