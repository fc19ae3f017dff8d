import type { EventSchema } from '../events/event-schema';

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

export interface PlanParticipantData {
  userId: string;
  role: ParticipantRole;
  status: ParticipantStatus;
}

/**
 * `plan.invited` (to the invitees), `plan.updated` (to every participant) and `plan.confirmed`
 * (to nobody: the booking agent's own work order): the plan after the change, without its
 * message. Aggregate (and key) = the plan id; `aggregateVersion` rises with every change.
 * `timeslotId` is the invitee's free slot a two-person plan lies in, when they publish slots.
 */
export interface PlanStateData {
  planId: string;
  organizerId: string;
  venueId: string;
  startsAt: string;
  endsAt: string;
  status: PlanStatus;
  participants: PlanParticipantData[];
  timeslotId: string | null;
}

/**
 * `booking.confirmed` and `booking.cancelled`, to every participant. Aggregate (and key) = the
 * plan id, with the plan's version, so a booking's events order with the plan's. The user
 * service marks `timeslotId` booked on confirmation and free again on cancellation.
 */
export interface BookingData {
  planId: string;
  bookingId: string;
  venueId: string;
  startsAt: string;
  endsAt: string;
  partySize: number;
  reference: string;
  status: BookingStatus;
  timeslotId: string | null;
}

/** `booking.failed`, to every participant; aggregate = the plan, which is now `booking_failed`. */
export interface BookingFailedData {
  planId: string;
  venueId: string;
  startsAt: string;
  endsAt: string;
  partySize: number;
  reason: BookingFailureReason;
}

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const NULLABLE_UUID = { anyOf: [UUID, { type: 'null' }] } as const;

const PLAN_STATE: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: [
      'planId',
      'organizerId',
      'venueId',
      'startsAt',
      'endsAt',
      'status',
      'participants',
      'timeslotId',
    ],
    properties: {
      planId: UUID,
      organizerId: UUID,
      venueId: UUID,
      startsAt: DATE_TIME,
      endsAt: DATE_TIME,
      status: { enum: PLAN_STATUSES },
      participants: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['userId', 'role', 'status'],
          properties: {
            userId: UUID,
            role: { enum: PARTICIPANT_ROLES },
            status: { enum: PARTICIPANT_STATUSES },
          },
        },
      },
      timeslotId: NULLABLE_UUID,
    },
  },
};

const BOOKING: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: [
      'planId',
      'bookingId',
      'venueId',
      'startsAt',
      'endsAt',
      'partySize',
      'reference',
      'status',
      'timeslotId',
    ],
    properties: {
      planId: UUID,
      bookingId: UUID,
      venueId: UUID,
      startsAt: DATE_TIME,
      endsAt: DATE_TIME,
      partySize: { type: 'integer', minimum: 1 },
      reference: { type: 'string', minLength: 1 },
      status: { enum: BOOKING_STATUSES },
      timeslotId: NULLABLE_UUID,
    },
  },
};

export const PLAN_EVENT_SCHEMAS = {
  'plan.invited': PLAN_STATE,
  'plan.updated': PLAN_STATE,
  'plan.confirmed': PLAN_STATE,
  'booking.confirmed': BOOKING,
  'booking.cancelled': BOOKING,
  'booking.failed': {
    schemaVersion: 1,
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['planId', 'venueId', 'startsAt', 'endsAt', 'partySize', 'reason'],
      properties: {
        planId: UUID,
        venueId: UUID,
        startsAt: DATE_TIME,
        endsAt: DATE_TIME,
        partySize: { type: 'integer', minimum: 1 },
        reason: { enum: BOOKING_FAILURE_REASONS },
      },
    },
  } satisfies EventSchema,
} as const;
