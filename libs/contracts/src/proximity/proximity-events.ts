import type { Static } from '../events/schema-builder';
import { Closed, DateTime, defineEvent, OneOf, Pair, Type, Uuid } from '../events/schema-builder';
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

/** Distinct, in display order. */
const CATEGORIES = Type.Array(OneOf(INTEREST_CATEGORIES), { uniqueItems: true, minItems: 1 });

/**
 * `proximity.session_started`: aggregate (and key) = the session, version 1. Carries the
 * categories of the person's interests, never the interests themselves.
 */
export const PROXIMITY_SESSION_STARTED = defineEvent(
  1,
  Closed({ sessionId: Uuid(), userId: Uuid(), categories: CATEGORIES, expiresAt: DateTime() }),
);
export type ProximitySessionStartedData = Static<typeof PROXIMITY_SESSION_STARTED.data>;

/**
 * `proximity.nudge`: two people nearby share interests. Aggregate (and key) = the nudge, version
 * 1; `recipientIds` = both people, who are told only the shared categories, never who the other is.
 */
export const PROXIMITY_NUDGE = defineEvent(
  1,
  Closed({
    nudgeId: Uuid(),
    userIds: Pair(Uuid()),
    sessionIds: Pair(Uuid()),
    sharedInterests: CATEGORIES,
  }),
);
export type ProximityNudgeData = Static<typeof PROXIMITY_NUDGE.data>;

/** `lost`: Redis lost the live session; `ended`: its owner ended it. */
export const PROXIMITY_SESSION_END_REASONS = ['ended', 'lost'] as const;
export type ProximitySessionEndReason = (typeof PROXIMITY_SESSION_END_REASONS)[number];

/**
 * `proximity.session_ended`: aggregate (and key) = the session. `recipientIds` = its owner when
 * they are to be told (`lost`); none when they ended it themselves. Expiry, deletion and
 * suspension end sessions without this event.
 */
export const PROXIMITY_SESSION_ENDED = defineEvent(
  1,
  Closed({
    sessionId: Uuid(),
    userId: Uuid(),
    reason: OneOf(PROXIMITY_SESSION_END_REASONS),
    endedAt: DateTime(),
  }),
);
export type ProximitySessionEndedData = Static<typeof PROXIMITY_SESSION_ENDED.data>;
