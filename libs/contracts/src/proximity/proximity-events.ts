import type { EventSchema } from '../events/event-schema';
import type { InterestCategory } from './interest-taxonomy';
import { INTEREST_CATEGORIES } from './interest-taxonomy';

/** Input limits of the proximity API (API.md, Proximity). */
export const PROXIMITY_LIMITS = {
  BLE_TOKEN_MIN: 8,
  BLE_TOKEN_MAX: 128,
  INTERESTS_MIN: 1,
  INTERESTS_MAX: 20,
  INTEREST_MAX: 40,
  /** A category counted fewer times than this in a day is left out of the stats. */
  STATS_MIN_CATEGORY_COUNT: 5,
} as const;

/**
 * `proximity.session_started`: aggregate (and key) = the session, version 1. Carries the
 * categories of the person's interests, never the interests themselves.
 */
export interface ProximitySessionStartedData {
  sessionId: string;
  userId: string;
  /** Distinct, in display order. */
  categories: InterestCategory[];
  expiresAt: string;
}

/**
 * `proximity.nudge`: two people nearby share interests. Aggregate (and key) = the nudge, version
 * 1; `recipientIds` = both people, who are told only the shared categories, never who the other is.
 */
export interface ProximityNudgeData {
  nudgeId: string;
  userIds: [string, string];
  sessionIds: [string, string];
  /** Distinct, in display order. */
  sharedInterests: InterestCategory[];
}

const UUID = { type: 'string', format: 'uuid' } as const;
const PAIR = { type: 'array', items: UUID, minItems: 2, maxItems: 2 } as const;
const CATEGORIES = {
  type: 'array',
  items: { enum: INTEREST_CATEGORIES },
  uniqueItems: true,
} as const;

export const PROXIMITY_EVENT_SCHEMAS = {
  'proximity.session_started': {
    schemaVersion: 1,
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['sessionId', 'userId', 'categories', 'expiresAt'],
      properties: {
        sessionId: UUID,
        userId: UUID,
        categories: { ...CATEGORIES, minItems: 1 },
        expiresAt: { type: 'string', format: 'date-time' },
      },
    },
  } satisfies EventSchema,
  'proximity.nudge': {
    schemaVersion: 1,
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['nudgeId', 'userIds', 'sessionIds', 'sharedInterests'],
      properties: {
        nudgeId: UUID,
        userIds: PAIR,
        sessionIds: PAIR,
        sharedInterests: { ...CATEGORIES, minItems: 1 },
      },
    },
  } satisfies EventSchema,
} as const;
