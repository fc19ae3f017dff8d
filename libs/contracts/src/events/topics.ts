/**
 * One topic per event type, named as the type (ARCHITECTURE.md). Keys are aggregate ids.
 * A breaking change gets a new topic (`match.created.v2`), never an in-place edit.
 */
export const TOPICS = {
  USER_CREATED: 'user.created',
  USER_UPDATED: 'user.updated',
  USER_DELETED: 'user.deleted',
  USER_BLOCKED: 'user.blocked',
  USER_UNBLOCKED: 'user.unblocked',
  USER_STATUS_CHANGED: 'user.status_changed',
  REPORT_CREATED: 'report.created',
  REPORT_DECIDED: 'report.decided',
  AUDIT_RECORDED: 'audit.recorded',
  DEAD_LETTER_STATUS_CHANGED: 'dead_letter.status_changed',
  TIMESLOT_CREATED: 'timeslot.created',
  TIMESLOT_UPDATED: 'timeslot.updated',
  TIMESLOT_DELETED: 'timeslot.deleted',
  CONNECTION_REQUESTED: 'connection.requested',
  CONNECTION_ACCEPTED: 'connection.accepted',
  CONNECTION_REMOVED: 'connection.removed',
  EVENT_CREATED: 'event.created',
  EVENT_UPDATED: 'event.updated',
  EVENT_CANCELLED: 'event.cancelled',
  EVENT_REGISTRATION_CREATED: 'event.registration.created',
  EVENT_REGISTRATION_CANCELLED: 'event.registration.cancelled',
  EVENT_REGISTRATION_PROMOTED: 'event.registration.promoted',
  SWIPE_PERFORMED: 'swipe.performed',
  MATCH_CREATED: 'match.created',
  MATCH_STATUS_UPDATED: 'match.status_updated',
  QUEUE_TICKET_CREATED: 'queue.ticket_created',
  QUEUE_TICKET_CANCELLED: 'queue.ticket_cancelled',
  QUEUE_MATCH_FOUND: 'queue.match_found',
  QUEUE_MATCH_READY: 'queue.match_ready',
  QUEUE_MATCH_CANCELLED: 'queue.match_cancelled',
  QUEUE_EXPIRED: 'queue.expired',
  QUEUE_TICKET_LOST: 'queue.ticket_lost',
  QUEUE_MATCH_LOST: 'queue.match_lost',
  PROXIMITY_SESSION_STARTED: 'proximity.session_started',
  PROXIMITY_NUDGE: 'proximity.nudge',
  PROXIMITY_SESSION_ENDED: 'proximity.session_ended',
  VENUE_CREATED: 'venue.created',
  VENUE_UPDATED: 'venue.updated',
  VENUE_INTERACTION_LOGGED: 'venue.interaction.logged',
  PLAN_INVITED: 'plan.invited',
  PLAN_UPDATED: 'plan.updated',
  PLAN_CONFIRMED: 'plan.confirmed',
  BOOKING_CONFIRMED: 'booking.confirmed',
  BOOKING_FAILED: 'booking.failed',
  BOOKING_CANCELLED: 'booking.cancelled',
  EXPORT_REQUESTED: 'export.requested',
  EXPORT_PART: 'export.part',
  EXPORT_READY: 'export.ready',
  STATS_REPORTED: 'stats.reported',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const ALL_TOPICS: readonly Topic[] = Object.values(TOPICS);

/** Topics that keep each key's latest message forever (`cleanup.policy=compact`). */
export const COMPACTED_TOPICS: readonly Topic[] = [
  TOPICS.DEAD_LETTER_STATUS_CHANGED,
  // Keyed by the person, each carrying their whole standing: the gateway reads it back after
  // Redis lost its copy.
  TOPICS.USER_STATUS_CHANGED,
  TOPICS.STATS_REPORTED,
];

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Topics that keep messages a shorter time than the broker's default, and whose DLQ keeps them
 * no longer either: the parts of personal-data exports (API.md, Your data) last one day.
 */
export const SHORT_RETENTION_MS: Readonly<Partial<Record<Topic, number>>> = {
  'export.part': ONE_DAY_MS,
};

export const DLQ_SUFFIX = '.dlq';

/** Every `<topic>.dlq` has one partition and keeps its messages this long. */
export const DLQ_PARTITIONS = 1;
export const DLQ_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;

/** How long `<topic>.dlq` keeps messages: 14 days, or the topic's own retention when shorter. */
export function dlqRetentionMs(topic: string): number {
  return Math.min(DLQ_RETENTION_MS, SHORT_RETENTION_MS[topic as Topic] ?? DLQ_RETENTION_MS);
}

/** Where a message that fails validation or keeps failing is parked, with the error. */
export function dlqTopic(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/**
 * Headers that travel with every message besides the envelope itself; a dead letter keeps the
 * original's and adds the `dlq-*` ones.
 */
export const EVENT_HEADERS = {
  TRACEPARENT: 'traceparent',
  EVENT_TYPE: 'event-type',
  CONTENT_TYPE: 'content-type',
  DLQ_ERROR: 'dlq-error',
  DLQ_SOURCE_TOPIC: 'dlq-source-topic',
  DLQ_SOURCE_PARTITION: 'dlq-source-partition',
  DLQ_SOURCE_OFFSET: 'dlq-source-offset',
  DLQ_CONSUMER_GROUP: 'dlq-consumer-group',
  /** On a message an admin replayed from a DLQ: the dead letter's id. */
  DLQ_REPLAYED_FROM: 'dlq-replayed-from',
} as const;

/** The `content-type` header of every event: the value is the envelope as UTF-8 JSON. */
export const EVENT_CONTENT_TYPE = 'application/json';
