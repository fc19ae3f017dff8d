import type { Static } from '../events/schema-builder';
import {
  Closed,
  defineEvent,
  Keyed,
  Nullable,
  OneOf,
  Pair,
  Type,
  Uuid,
} from '../events/schema-builder';
import { FACTOR_KEYS } from './compatibility-factors';

export const SWIPE_ACTIONS = ['like', 'pass', 'super_like'] as const;
export type SwipeAction = (typeof SWIPE_ACTIONS)[number];

export const MATCH_STATUSES = ['active', 'unmatched'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** Why a match stopped being active. */
export const MATCH_END_REASONS = ['unmatched', 'expired', 'deleted'] as const;
export type MatchEndReason = (typeof MATCH_END_REASONS)[number];

const UNIT = Type.Number({ minimum: 0, maximum: 1 });

/**
 * `match.created`: two people liked each other. Aggregate (and key) = the match id, version 1;
 * `recipientIds` = both people. `score` is 0..1; `factors` (each 0..1) are absent in events from
 * before they were added.
 */
export const MATCH_CREATED = defineEvent(
  1,
  Closed({
    matchId: Uuid(),
    userIds: Pair(Uuid()),
    score: UNIT,
    sharedInterests: Type.Array(Type.String()),
    factors: Type.Optional(Keyed(FACTOR_KEYS, UNIT)),
  }),
);
export type MatchCreatedData = Static<typeof MATCH_CREATED.data>;

/**
 * `match.status_updated`: aggregate = the match; `recipientIds` = both people. `byUserId` is who
 * ended it, when a person did (`reason: unmatched`).
 */
export const MATCH_STATUS_UPDATED = defineEvent(
  1,
  Closed({
    matchId: Uuid(),
    userIds: Pair(Uuid()),
    status: OneOf(MATCH_STATUSES),
    reason: OneOf(MATCH_END_REASONS),
    byUserId: Nullable(Uuid()),
  }),
);
export type MatchStatusUpdatedData = Static<typeof MATCH_STATUS_UPDATED.data>;

/**
 * `swipe.performed`: aggregate (and key) = the swipe id, version 1; a swipe never changes.
 * `matched`: whether this swipe completed a mutual match.
 */
export const SWIPE_PERFORMED = defineEvent(
  1,
  Closed({
    swipeId: Uuid(),
    swiperId: Uuid(),
    targetUserId: Uuid(),
    action: OneOf(SWIPE_ACTIONS),
    matched: Type.Boolean(),
  }),
);
export type SwipePerformedData = Static<typeof SWIPE_PERFORMED.data>;
