import type { EventErrorCode, EventStatus, RegistrationStatus } from '@rendezvous/contracts';
import { EVENT_ERRORS } from '@rendezvous/contracts';

/** Where a newcomer lands. */
export type ArrivalStatus = Extract<RegistrationStatus, 'registered' | 'waitlisted'>;

/** What the registration rules need to know about an event. */
export interface EventFacts {
  organizerId: string;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  registeredCount: number;
  waitlistedCount: number;
}

/** Why this person may not register (`null` when they may): organizer, cancelled or started. */
export function registrationRefusal(
  event: EventFacts,
  callerId: string,
  now: Date = new Date(),
): EventErrorCode | null {
  if (event.organizerId === callerId) return EVENT_ERRORS.ORGANIZER_CANNOT_REGISTER;
  if (event.status === 'cancelled') return EVENT_ERRORS.EVENT_CANCELLED;
  if (event.startsAt.getTime() <= now.getTime()) return EVENT_ERRORS.EVENT_STARTED;
  return null;
}

/**
 * First come, first served: a newcomer gets a seat only while one is free and nobody waits
 * (people waiting are ahead of them).
 */
export function arrivalStatus(event: EventFacts): ArrivalStatus {
  return event.registeredCount < event.capacity && event.waitlistedCount === 0
    ? 'registered'
    : 'waitlisted';
}

/** How many waiting people to promote now: free seats of an event still to happen. */
export function seatsToFill(event: EventFacts, now: Date = new Date()): number {
  if (event.status !== 'scheduled' || event.endsAt.getTime() <= now.getTime()) return 0;
  return Math.max(0, Math.min(event.capacity - event.registeredCount, event.waitlistedCount));
}

/** The organizer and registered people see attendees and the calendar entry; nobody else. */
export function isAttending(
  event: Pick<EventFacts, 'organizerId'>,
  callerId: string,
  callerStatus: RegistrationStatus | undefined,
): boolean {
  return event.organizerId === callerId || callerStatus === 'registered';
}
