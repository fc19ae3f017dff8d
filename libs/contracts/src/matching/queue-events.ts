import type { Static } from '../events/schema-builder';
import { Closed, DateTime, defineEvent, OneOf, Pair, Type, Uuid } from '../events/schema-builder';

export const QUEUE_DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type QueueDifficulty = (typeof QUEUE_DIFFICULTIES)[number];

export const TICKET_STATUSES = ['waiting', 'matched', 'ready', 'expired', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** `unavailable`: the partner was suspended or banned (never said which). */
export const QUEUE_CANCEL_REASONS = ['declined', 'timeout', 'deleted', 'unavailable'] as const;
export type QueueCancelReason = (typeof QUEUE_CANCEL_REASONS)[number];

export const TICKET_CANCEL_REASONS = ['cancelled', 'deleted', 'unavailable'] as const;

export const QUEUE_TOPIC_MAX = 60;

/** Normalised (trimmed, lower-cased, spaces collapsed). */
const TOPIC = Type.String({ minLength: 1, maxLength: QUEUE_TOPIC_MAX });
const DIFFICULTY = OneOf(QUEUE_DIFFICULTIES);

/** `queue.ticket_created`: aggregate = the ticket; no recipients. */
export const QUEUE_TICKET_CREATED = defineEvent(
  1,
  Closed({
    ticketId: Uuid(),
    userId: Uuid(),
    topic: TOPIC,
    difficulty: DIFFICULTY,
    expiresAt: DateTime(),
  }),
);
export type QueueTicketCreatedData = Static<typeof QUEUE_TICKET_CREATED.data>;

/**
 * `queue.ticket_cancelled`: a waiting ticket left the queue (its owner, their deletion, or their
 * suspension or ban: `unavailable`).
 */
export const QUEUE_TICKET_CANCELLED = defineEvent(
  1,
  Closed({ ticketId: Uuid(), userId: Uuid(), reason: OneOf(TICKET_CANCEL_REASONS) }),
);
export type QueueTicketCancelledData = Static<typeof QUEUE_TICKET_CANCELLED.data>;

/**
 * `queue.match_found`: aggregate = the pair (`matchId`); `recipientIds` = both people. The
 * pair's `difficulty` is the newer ticket's (the older one widened to accept it).
 */
export const QUEUE_MATCH_FOUND = defineEvent(
  1,
  Closed({
    matchId: Uuid(),
    userIds: Pair(Uuid()),
    ticketIds: Pair(Uuid()),
    topic: TOPIC,
    difficulty: DIFFICULTY,
    confirmBy: DateTime(),
  }),
);
export type QueueMatchFoundData = Static<typeof QUEUE_MATCH_FOUND.data>;

/** `queue.match_ready`: both accepted; `recipientIds` = both people. */
export const QUEUE_MATCH_READY = defineEvent(
  1,
  Closed({
    matchId: Uuid(),
    userIds: Pair(Uuid()),
    sessionId: Uuid(),
    topic: TOPIC,
    difficulty: DIFFICULTY,
  }),
);
export type QueueMatchReadyData = Static<typeof QUEUE_MATCH_READY.data>;

/**
 * `queue.match_cancelled`: the pair is off; `recipientIds` = both people. Tickets of people who
 * did not decline (or accepted before a timeout) are back to `waiting` (`requeuedTicketIds`).
 */
export const QUEUE_MATCH_CANCELLED = defineEvent(
  1,
  Closed({
    matchId: Uuid(),
    userIds: Pair(Uuid()),
    reason: OneOf(QUEUE_CANCEL_REASONS),
    requeuedTicketIds: Type.Array(Uuid()),
  }),
);
export type QueueMatchCancelledData = Static<typeof QUEUE_MATCH_CANCELLED.data>;

/** `queue.expired`: a ticket waited too long; `recipientIds` = its owner. */
export const QUEUE_EXPIRED = defineEvent(
  1,
  Closed({ ticketId: Uuid(), userId: Uuid(), topic: TOPIC, difficulty: DIFFICULTY }),
);
export type QueueExpiredData = Static<typeof QUEUE_EXPIRED.data>;

/*
 * State Redis lost has topics of its own rather than a new reason on `queue.expired` and
 * `queue.match_cancelled`: their published schemas are closed, so a new value there would break
 * consumers that validate them (ARCHITECTURE.md, Kafka).
 */

/**
 * `queue.ticket_lost`: a waiting ticket's state was lost with Redis and the ticket is over
 * (clients hear `queue.expired` with reason `lost`); `recipientIds` = its owner.
 */
export const QUEUE_TICKET_LOST = defineEvent(
  1,
  Closed({ ticketId: Uuid(), userId: Uuid(), topic: TOPIC, difficulty: DIFFICULTY }),
);
export type QueueTicketLostData = Static<typeof QUEUE_TICKET_LOST.data>;

/**
 * `queue.match_lost`: a pending pair's state was lost with Redis; the pair and both tickets are
 * over (clients hear `queue.match_cancelled` with reason `lost`); `recipientIds` = both people.
 */
export const QUEUE_MATCH_LOST = defineEvent(
  1,
  Closed({ matchId: Uuid(), userIds: Pair(Uuid()), ticketIds: Pair(Uuid()) }),
);
export type QueueMatchLostData = Static<typeof QUEUE_MATCH_LOST.data>;
