import type { EventSchema } from '../events/event-schema';
import type { CompatibilityFactors } from './compatibility-factors';
import { FACTOR_KEYS } from './compatibility-factors';

export const SWIPE_ACTIONS = ['like', 'pass', 'super_like'] as const;
export type SwipeAction = (typeof SWIPE_ACTIONS)[number];

export const MATCH_STATUSES = ['active', 'unmatched'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** Why a match stopped being active. */
export const MATCH_END_REASONS = ['unmatched', 'expired', 'deleted'] as const;
export type MatchEndReason = (typeof MATCH_END_REASONS)[number];

/**
 * `match.created`: two people liked each other. Aggregate (and key) = the match id, version 1;
 * `recipientIds` = both people.
 */
export interface MatchCreatedData {
  matchId: string;
  userIds: [string, string];
  /** 0..1 */
  score: number;
  sharedInterests: string[];
  /** The score's factors, each 0..1 (absent in events from before they were added). */
  factors?: CompatibilityFactors;
}

/** `match.status_updated`: aggregate = the match; `recipientIds` = both people. */
export interface MatchStatusUpdatedData {
  matchId: string;
  userIds: [string, string];
  status: MatchStatus;
  reason: MatchEndReason;
  /** Who ended it, when a person did (`reason: unmatched`). */
  byUserId: string | null;
}

/** `swipe.performed`: aggregate (and key) = the swipe id, version 1; a swipe never changes. */
export interface SwipePerformedData {
  swipeId: string;
  swiperId: string;
  targetUserId: string;
  action: SwipeAction;
  /** Whether this swipe completed a mutual match. */
  matched: boolean;
}

const UUID = { type: 'string', format: 'uuid' } as const;
const PAIR = { type: 'array', items: UUID, minItems: 2, maxItems: 2 } as const;
const UNIT = { type: 'number', minimum: 0, maximum: 1 } as const;

export const MATCH_EVENT_SCHEMAS = {
  'match.created': {
    schemaVersion: 1,
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['matchId', 'userIds', 'score', 'sharedInterests'],
      properties: {
        matchId: UUID,
        userIds: PAIR,
        score: UNIT,
        sharedInterests: { type: 'array', items: { type: 'string' } },
        factors: {
          type: 'object',
          additionalProperties: false,
          required: [...FACTOR_KEYS],
          properties: Object.fromEntries(FACTOR_KEYS.map((key) => [key, UNIT])),
        },
      },
    },
  } satisfies EventSchema,
  'match.status_updated': {
    schemaVersion: 1,
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['matchId', 'userIds', 'status', 'reason', 'byUserId'],
      properties: {
        matchId: UUID,
        userIds: PAIR,
        status: { enum: MATCH_STATUSES },
        reason: { enum: MATCH_END_REASONS },
        byUserId: { anyOf: [UUID, { type: 'null' }] },
      },
    },
  } satisfies EventSchema,
  'swipe.performed': {
    schemaVersion: 1,
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['swipeId', 'swiperId', 'targetUserId', 'action', 'matched'],
      properties: {
        swipeId: UUID,
        swiperId: UUID,
        targetUserId: UUID,
        action: { enum: SWIPE_ACTIONS },
        matched: { type: 'boolean' },
      },
    },
  } satisfies EventSchema,
} as const;
