import type { ServiceName, Topic } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { STATS_TOPICS } from '../admin/stats-deltas';
import { NOTIFYING_TOPICS } from '../notifications/notification-map';

const USER_STATE = [TOPICS.USER_CREATED, TOPICS.USER_UPDATED] as const;
const BLOCKS = [TOPICS.USER_BLOCKED, TOPICS.USER_UNBLOCKED] as const;

/**
 * The topics each service consumes (its `@OnEvent` handlers), as one consumer group.
 * asyncapi-subscriptions.spec.ts holds this to the handlers in the apps' code.
 */
export const SUBSCRIPTIONS: Readonly<Record<ServiceName, readonly Topic[]>> = {
  gateway: [
    ...new Set([
      ...NOTIFYING_TOPICS,
      ...STATS_TOPICS,
      TOPICS.PROXIMITY_SESSION_STARTED,
      TOPICS.USER_DELETED,
      TOPICS.USER_STATUS_CHANGED,
    ]),
  ],
  user: [
    TOPICS.MATCH_CREATED,
    TOPICS.BOOKING_CONFIRMED,
    TOPICS.BOOKING_CANCELLED,
    TOPICS.AUDIT_RECORDED,
  ],
  event: [...USER_STATE, TOPICS.USER_DELETED, TOPICS.USER_STATUS_CHANGED],
  matching: [
    ...USER_STATE,
    TOPICS.USER_DELETED,
    TOPICS.USER_STATUS_CHANGED,
    ...BLOCKS,
    TOPICS.EVENT_CREATED,
    TOPICS.EVENT_UPDATED,
    TOPICS.EVENT_CANCELLED,
    TOPICS.EVENT_REGISTRATION_CREATED,
    TOPICS.EVENT_REGISTRATION_CANCELLED,
    TOPICS.EVENT_REGISTRATION_PROMOTED,
  ],
  proximity: [
    TOPICS.USER_DELETED,
    TOPICS.USER_STATUS_CHANGED,
    ...BLOCKS,
    TOPICS.PROXIMITY_SESSION_STARTED,
    TOPICS.PROXIMITY_NUDGE,
  ],
  reco: [
    ...USER_STATE,
    TOPICS.USER_DELETED,
    TOPICS.USER_STATUS_CHANGED,
    ...BLOCKS,
    TOPICS.CONNECTION_REQUESTED,
    TOPICS.CONNECTION_ACCEPTED,
    TOPICS.CONNECTION_REMOVED,
    TOPICS.MATCH_CREATED,
  ],
  'booking-agent': [
    TOPICS.USER_CREATED,
    TOPICS.USER_DELETED,
    TOPICS.USER_STATUS_CHANGED,
    ...BLOCKS,
    TOPICS.TIMESLOT_CREATED,
    TOPICS.TIMESLOT_UPDATED,
    TOPICS.TIMESLOT_DELETED,
    TOPICS.VENUE_CREATED,
    TOPICS.VENUE_UPDATED,
    TOPICS.PLAN_CONFIRMED,
    TOPICS.BOOKING_CANCELLED,
  ],
};
