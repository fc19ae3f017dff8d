import type { EventSchema } from '../events/event-schema';
import type { EventCategory, EventStatus, RegistrationStatus } from './event-values';
import {
  EVENT_CATEGORIES,
  EVENT_LIMITS,
  EVENT_STATUSES,
  REGISTRATION_STATUSES,
} from './event-values';

export interface EventLocation {
  name: string;
  lat: number;
  lng: number;
}

/**
 * `event.created`, `event.updated` and `event.cancelled`: the event's whole state after the
 * change. Aggregate (and key) = the event id; `aggregateVersion` rises with every change of the
 * event itself (registrations do not move it). `event.cancelled` names everyone registered or
 * waitlisted in `recipientIds`; a very long list is split over several envelopes carrying the
 * same data and version.
 */
export interface EventStateData {
  eventId: string;
  organizerId: string;
  title: string;
  description: string;
  category: EventCategory;
  tags: string[];
  startsAt: string;
  endsAt: string;
  location: EventLocation;
  capacity: number;
  status: EventStatus;
}

/**
 * `event.registration.created`, `.cancelled` and `.promoted`: one person's registration for one
 * event after the change. Aggregate (and key) = the registration id, one per event and person
 * for good: cancelling and registering again keeps the id and raises `aggregateVersion`, so a
 * consumer keeps the newest status per (eventId, userId). `created` carries `registered` or
 * `waitlisted`, `promoted` carries `registered` and names the person in `recipientIds`,
 * `cancelled` carries `cancelled` (own cancellation or the person's account deleted).
 */
export interface EventRegistrationData {
  registrationId: string;
  eventId: string;
  /** The event's organizer, who attends by definition and is never registered. */
  organizerId: string;
  userId: string;
  status: RegistrationStatus;
  eventStartsAt: string;
  eventEndsAt: string;
}

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;

const EVENT_STATE: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: [
      'eventId',
      'organizerId',
      'title',
      'description',
      'category',
      'tags',
      'startsAt',
      'endsAt',
      'location',
      'capacity',
      'status',
    ],
    properties: {
      eventId: UUID,
      organizerId: UUID,
      title: { type: 'string', maxLength: EVENT_LIMITS.TITLE_MAX },
      description: { type: 'string', maxLength: EVENT_LIMITS.DESCRIPTION_MAX },
      category: { enum: EVENT_CATEGORIES },
      tags: {
        type: 'array',
        maxItems: EVENT_LIMITS.TAGS_MAX_ITEMS,
        items: { type: 'string', maxLength: EVENT_LIMITS.TAG_MAX },
      },
      startsAt: DATE_TIME,
      endsAt: DATE_TIME,
      location: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'lat', 'lng'],
        properties: {
          name: { type: 'string' },
          lat: { type: 'number', minimum: -90, maximum: 90 },
          lng: { type: 'number', minimum: -180, maximum: 180 },
        },
      },
      capacity: {
        type: 'integer',
        minimum: EVENT_LIMITS.CAPACITY_MIN,
        maximum: EVENT_LIMITS.CAPACITY_MAX,
      },
      status: { enum: EVENT_STATUSES },
    },
  },
};

const REGISTRATION: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: [
      'registrationId',
      'eventId',
      'organizerId',
      'userId',
      'status',
      'eventStartsAt',
      'eventEndsAt',
    ],
    properties: {
      registrationId: UUID,
      eventId: UUID,
      organizerId: UUID,
      userId: UUID,
      status: { enum: REGISTRATION_STATUSES },
      eventStartsAt: DATE_TIME,
      eventEndsAt: DATE_TIME,
    },
  },
};

export const EVENT_SERVICE_SCHEMAS = {
  'event.created': EVENT_STATE,
  'event.updated': EVENT_STATE,
  'event.cancelled': EVENT_STATE,
  'event.registration.created': REGISTRATION,
  'event.registration.cancelled': REGISTRATION,
  'event.registration.promoted': REGISTRATION,
} as const;
