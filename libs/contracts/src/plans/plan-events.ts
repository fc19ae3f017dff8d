import type { Static } from '../events/schema-builder';
import {
  Closed,
  DateTime,
  defineEvent,
  Nullable,
  OneOf,
  Type,
  Uuid,
} from '../events/schema-builder';

export const PLAN_STATUSES = [
  'proposed',
  'booking',
  'booked',
  'booking_failed',
  'cancelled',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PARTICIPANT_ROLES = ['organizer', 'invitee'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const PARTICIPANT_STATUSES = ['accepted', 'invited', 'declined'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const BOOKING_STATUSES = ['confirmed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Why the agent could not book a confirmed plan (`booking.failed`). */
export const BOOKING_FAILURE_REASONS = [
  /** The overlapping bookings at the venue leave no room for the party. */
  'venue_full',
  /** The invitee's timeslot is no longer free (another plan took it, or they removed it). */
  'timeslot_taken',
  /** The provider kept failing until the last retry. */
  'provider_unavailable',
  /** The provider refused the request for good. */
  'provider_rejected',
] as const;
export type BookingFailureReason = (typeof BOOKING_FAILURE_REASONS)[number];

export const PLAN_LIMITS = {
  INVITEES_MIN: 1,
  INVITEES_MAX: 20,
  MESSAGE_MAX: 500,
  /** A plan without `endsAt` lasts this long. */
  DEFAULT_LENGTH_MS: 60 * 60 * 1000,
} as const;

const PARTICIPANT = Closed({
  userId: Uuid(),
  role: OneOf(PARTICIPANT_ROLES),
  status: OneOf(PARTICIPANT_STATUSES),
});
export type PlanParticipantData = Static<typeof PARTICIPANT>;

/**
 * `plan.invited` (to the invitees), `plan.updated` (to every participant) and `plan.confirmed`
 * (to nobody: the booking agent's own work order): the plan after the change, without its
 * message. Aggregate (and key) = the plan id; `aggregateVersion` rises with every change.
 * `timeslotId` is the invitee's free slot a two-person plan lies in, when they publish slots.
 */
export const PLAN_STATE = defineEvent(
  1,
  Closed({
    planId: Uuid(),
    organizerId: Uuid(),
    venueId: Uuid(),
    startsAt: DateTime(),
    endsAt: DateTime(),
    status: OneOf(PLAN_STATUSES),
    participants: Type.Array(PARTICIPANT),
    timeslotId: Nullable(Uuid()),
  }),
);
export type PlanStateData = Static<typeof PLAN_STATE.data>;

/**
 * `booking.confirmed` and `booking.cancelled`, to every participant. Aggregate (and key) = the
 * plan id, with the plan's version, so a booking's events order with the plan's. The user
 * service marks `timeslotId` booked on confirmation and free again on cancellation.
 */
export const BOOKING_STATE = defineEvent(
  1,
  Closed({
    planId: Uuid(),
    bookingId: Uuid(),
    venueId: Uuid(),
    startsAt: DateTime(),
    endsAt: DateTime(),
    partySize: Type.Integer({ minimum: 1 }),
    reference: Type.String({ minLength: 1 }),
    status: OneOf(BOOKING_STATUSES),
    timeslotId: Nullable(Uuid()),
  }),
);
export type BookingData = Static<typeof BOOKING_STATE.data>;

/** `booking.failed`, to every participant; aggregate = the plan, which is now `booking_failed`. */
export const BOOKING_FAILED = defineEvent(
  1,
  Closed({
    planId: Uuid(),
    venueId: Uuid(),
    startsAt: DateTime(),
    endsAt: DateTime(),
    partySize: Type.Integer({ minimum: 1 }),
    reason: OneOf(BOOKING_FAILURE_REASONS),
  }),
);
export type BookingFailedData = Static<typeof BOOKING_FAILED.data>;
