import type { Static } from '../events/schema-builder';
import { Closed, DateTime, defineEvent, OneOf, Type, Uuid } from '../events/schema-builder';
import {
  EVENT_CATEGORIES,
  EVENT_LIMITS,
  EVENT_STATUSES,
  REGISTRATION_STATUSES,
} from './event-values';

const LOCATION = Closed({
  name: Type.String(),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
});
export type EventLocation = Static<typeof LOCATION>;

/**
 * `event.created`, `event.updated` and `event.cancelled`: the event's whole state after the
 * change. Aggregate (and key) = the event id; `aggregateVersion` rises with every change of the
 * event itself (registrations do not move it). `event.cancelled` names everyone registered or
 * waitlisted in `recipientIds`; a very long list is split over several envelopes carrying the
 * same data and version.
 */
export const EVENT_STATE = defineEvent(
  1,
  Closed({
    eventId: Uuid(),
    organizerId: Uuid(),
    title: Type.String({ maxLength: EVENT_LIMITS.TITLE_MAX }),
    description: Type.String({ maxLength: EVENT_LIMITS.DESCRIPTION_MAX }),
    category: OneOf(EVENT_CATEGORIES),
    tags: Type.Array(Type.String({ maxLength: EVENT_LIMITS.TAG_MAX }), {
      maxItems: EVENT_LIMITS.TAGS_MAX_ITEMS,
    }),
    startsAt: DateTime(),
    endsAt: DateTime(),
    location: LOCATION,
    capacity: Type.Integer({
      minimum: EVENT_LIMITS.CAPACITY_MIN,
      maximum: EVENT_LIMITS.CAPACITY_MAX,
    }),
    status: OneOf(EVENT_STATUSES),
  }),
);
export type EventStateData = Static<typeof EVENT_STATE.data>;

/**
 * `event.registration.created`, `.cancelled` and `.promoted`: one person's registration for one
 * event after the change. Aggregate (and key) = the registration id, one per event and person
 * for good: cancelling and registering again keeps the id and raises `aggregateVersion`, so a
 * consumer keeps the newest status per (eventId, userId). `created` carries `registered` or
 * `waitlisted`, `promoted` carries `registered` and names the person in `recipientIds`,
 * `cancelled` carries `cancelled` (own cancellation or the person's account deleted).
 * `organizerId` attends by definition and is never registered.
 */
export const EVENT_REGISTRATION = defineEvent(
  1,
  Closed({
    registrationId: Uuid(),
    eventId: Uuid(),
    organizerId: Uuid(),
    userId: Uuid(),
    status: OneOf(REGISTRATION_STATUSES),
    eventStartsAt: DateTime(),
    eventEndsAt: DateTime(),
  }),
);
export type EventRegistrationData = Static<typeof EVENT_REGISTRATION.data>;
