import type { EventSchema } from '../events/event-schema';

export const QUEUE_DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type QueueDifficulty = (typeof QUEUE_DIFFICULTIES)[number];

export const TICKET_STATUSES = ['waiting', 'matched', 'ready', 'expired', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** `unavailable`: the partner was suspended or banned (never said which). */
export const QUEUE_CANCEL_REASONS = ['declined', 'timeout', 'deleted', 'unavailable'] as const;
export type QueueCancelReason = (typeof QUEUE_CANCEL_REASONS)[number];

export const QUEUE_TOPIC_MAX = 60;

/** `queue.ticket_created`: aggregate = the ticket; no recipients. */
export interface QueueTicketCreatedData {
  ticketId: string;
  userId: string;
  /** Normalised (trimmed, lower-cased, spaces collapsed). */
  topic: string;
  difficulty: QueueDifficulty;
  expiresAt: string;
}

export const TICKET_CANCEL_REASONS = ['cancelled', 'deleted', 'unavailable'] as const;

/**
 * `queue.ticket_cancelled`: a waiting ticket left the queue (its owner, their deletion, or their
 * suspension or ban: `unavailable`).
 */
export interface QueueTicketCancelledData {
  ticketId: string;
  userId: string;
  reason: (typeof TICKET_CANCEL_REASONS)[number];
}

/**
 * `queue.match_found`: aggregate = the pair (`matchId`); `recipientIds` = both people. The
 * pair's `difficulty` is the newer ticket's (the older one widened to accept it).
 */
export interface QueueMatchFoundData {
  matchId: string;
  userIds: [string, string];
  ticketIds: [string, string];
  topic: string;
  difficulty: QueueDifficulty;
  confirmBy: string;
}

/** `queue.match_ready`: both accepted; `recipientIds` = both people. */
export interface QueueMatchReadyData {
  matchId: string;
  userIds: [string, string];
  sessionId: string;
  topic: string;
  difficulty: QueueDifficulty;
}

/**
 * `queue.match_cancelled`: the pair is off; `recipientIds` = both people. Tickets of people who
 * did not decline (or accepted before a timeout) are back to `waiting` (`requeuedTicketIds`).
 */
export interface QueueMatchCancelledData {
  matchId: string;
  userIds: [string, string];
  reason: QueueCancelReason;
  requeuedTicketIds: string[];
}

/** `queue.expired`: a ticket waited too long; `recipientIds` = its owner. */
export interface QueueExpiredData {
  ticketId: string;
  userId: string;
  topic: string;
  difficulty: QueueDifficulty;
}

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const PAIR = { type: 'array', items: UUID, minItems: 2, maxItems: 2 } as const;
const DIFFICULTY = { enum: QUEUE_DIFFICULTIES } as const;
const TOPIC = { type: 'string', minLength: 1, maxLength: QUEUE_TOPIC_MAX } as const;

const schema = (required: string[], properties: Record<string, unknown>): EventSchema => ({
  schemaVersion: 1,
  data: { type: 'object', additionalProperties: false, required, properties },
});

export const QUEUE_EVENT_SCHEMAS = {
  'queue.ticket_created': schema(['ticketId', 'userId', 'topic', 'difficulty', 'expiresAt'], {
    ticketId: UUID,
    userId: UUID,
    topic: TOPIC,
    difficulty: DIFFICULTY,
    expiresAt: DATE_TIME,
  }),
  'queue.ticket_cancelled': schema(['ticketId', 'userId', 'reason'], {
    ticketId: UUID,
    userId: UUID,
    reason: { enum: TICKET_CANCEL_REASONS },
  }),
  'queue.match_found': schema(
    ['matchId', 'userIds', 'ticketIds', 'topic', 'difficulty', 'confirmBy'],
    {
      matchId: UUID,
      userIds: PAIR,
      ticketIds: PAIR,
      topic: TOPIC,
      difficulty: DIFFICULTY,
      confirmBy: DATE_TIME,
    },
  ),
  'queue.match_ready': schema(['matchId', 'userIds', 'sessionId', 'topic', 'difficulty'], {
    matchId: UUID,
    userIds: PAIR,
    sessionId: UUID,
    topic: TOPIC,
    difficulty: DIFFICULTY,
  }),
  'queue.match_cancelled': schema(['matchId', 'userIds', 'reason', 'requeuedTicketIds'], {
    matchId: UUID,
    userIds: PAIR,
    reason: { enum: QUEUE_CANCEL_REASONS },
    requeuedTicketIds: { type: 'array', items: UUID },
  }),
  'queue.expired': schema(['ticketId', 'userId', 'topic', 'difficulty'], {
    ticketId: UUID,
    userId: UUID,
    topic: TOPIC,
    difficulty: DIFFICULTY,
  }),
} as const;
