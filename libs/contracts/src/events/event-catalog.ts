import type { Static } from '@sinclair/typebox';
import { EVENT_REGISTRATION, EVENT_STATE } from '../event-service/event-messages';
import { MATCH_CREATED, MATCH_STATUS_UPDATED, SWIPE_PERFORMED } from '../matching/match-events';
import {
  QUEUE_EXPIRED,
  QUEUE_MATCH_LOST,
  QUEUE_TICKET_LOST,
  QUEUE_MATCH_CANCELLED,
  QUEUE_MATCH_FOUND,
  QUEUE_MATCH_READY,
  QUEUE_TICKET_CANCELLED,
  QUEUE_TICKET_CREATED,
} from '../matching/queue-events';
import { AUDIT_RECORDED, REPORT_CREATED, REPORT_DECIDED } from '../moderation/moderation-events';
import { BOOKING_FAILED, BOOKING_STATE, PLAN_STATE } from '../plans/plan-events';
import { DEAD_LETTER_STATUS_CHANGED } from '../operations/dead-letter-events';
import { STATS_REPORTED } from '../operations/stats-events';
import {
  PROXIMITY_NUDGE,
  PROXIMITY_SESSION_ENDED,
  PROXIMITY_SESSION_STARTED,
} from '../proximity/proximity-events';
import { VENUE_INTERACTION_LOGGED, VENUE_STATE } from '../reco/venue-events';
import { USER_STATUS_CHANGED } from '../users/account-status';
import { CONNECTION_CHANGED } from '../users/connection-events';
import { EXPORT_PART, EXPORT_READY, EXPORT_REQUESTED } from '../users/export-events';
import { TIMESLOT_STATE, USER_BLOCK, USER_DELETED, USER_STATE } from '../users/user-events';
import type { Envelope } from './envelope';
import type { EventDefinition, JsonSchema } from './schema-builder';
import type { Topic } from './topics';

/**
 * Every topic's event: the version and schema of its `data`, from which its TypeScript type
 * comes. Producers, consumers, the outboxes and the AsyncAPI document all read this one map.
 */
export const EVENT_CATALOG = {
  'user.created': USER_STATE,
  'user.updated': USER_STATE,
  'user.deleted': USER_DELETED,
  'user.blocked': USER_BLOCK,
  'user.unblocked': USER_BLOCK,
  'user.status_changed': USER_STATUS_CHANGED,
  'report.created': REPORT_CREATED,
  'report.decided': REPORT_DECIDED,
  'audit.recorded': AUDIT_RECORDED,
  'dead_letter.status_changed': DEAD_LETTER_STATUS_CHANGED,
  'timeslot.created': TIMESLOT_STATE,
  'timeslot.updated': TIMESLOT_STATE,
  'timeslot.deleted': TIMESLOT_STATE,
  'connection.requested': CONNECTION_CHANGED,
  'connection.accepted': CONNECTION_CHANGED,
  'connection.removed': CONNECTION_CHANGED,
  'event.created': EVENT_STATE,
  'event.updated': EVENT_STATE,
  'event.cancelled': EVENT_STATE,
  'event.registration.created': EVENT_REGISTRATION,
  'event.registration.cancelled': EVENT_REGISTRATION,
  'event.registration.promoted': EVENT_REGISTRATION,
  'swipe.performed': SWIPE_PERFORMED,
  'match.created': MATCH_CREATED,
  'match.status_updated': MATCH_STATUS_UPDATED,
  'queue.ticket_created': QUEUE_TICKET_CREATED,
  'queue.ticket_cancelled': QUEUE_TICKET_CANCELLED,
  'queue.match_found': QUEUE_MATCH_FOUND,
  'queue.match_ready': QUEUE_MATCH_READY,
  'queue.match_cancelled': QUEUE_MATCH_CANCELLED,
  'queue.expired': QUEUE_EXPIRED,
  'queue.ticket_lost': QUEUE_TICKET_LOST,
  'queue.match_lost': QUEUE_MATCH_LOST,
  'proximity.session_started': PROXIMITY_SESSION_STARTED,
  'proximity.nudge': PROXIMITY_NUDGE,
  'proximity.session_ended': PROXIMITY_SESSION_ENDED,
  'venue.created': VENUE_STATE,
  'venue.updated': VENUE_STATE,
  'venue.interaction.logged': VENUE_INTERACTION_LOGGED,
  'plan.invited': PLAN_STATE,
  'plan.updated': PLAN_STATE,
  'plan.confirmed': PLAN_STATE,
  'booking.confirmed': BOOKING_STATE,
  'booking.failed': BOOKING_FAILED,
  'booking.cancelled': BOOKING_STATE,
  'export.requested': EXPORT_REQUESTED,
  'export.part': EXPORT_PART,
  'export.ready': EXPORT_READY,
  'stats.reported': STATS_REPORTED,
} as const satisfies Record<Topic, EventDefinition>;

/** The `data` of an event on `topic`. */
export type EventData<T extends Topic> = Static<(typeof EVENT_CATALOG)[T]['data']>;

/** An envelope on `topic`, its `type` and `data` tied to it (one member per topic of a union). */
export type TopicEnvelope<T extends Topic> = T extends Topic ? Envelope<EventData<T>, T> : never;

/** Any event of the catalog, discriminated by `type`. */
export type AnyEnvelope = TopicEnvelope<Topic>;

/** What is published of one event: its `data` schema as plain JSON Schema. */
export interface EventSchema {
  schemaVersion: number;
  data: JsonSchema;
}

/** The published schema of each topic's `data`; consumers validate incoming envelopes by it. */
export const EVENT_SCHEMAS: Readonly<Record<Topic, EventSchema>> = EVENT_CATALOG;
