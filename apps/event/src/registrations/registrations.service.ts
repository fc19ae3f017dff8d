import { Injectable } from '@nestjs/common';
import { DomainError, EVENT_ERRORS } from '@rendezvous/contracts';
import { DataSource } from 'typeorm';
import type { Page } from '@rendezvous/platform';
import { decodeCursor, toPage } from '@rendezvous/platform';
import { factsOf } from '../events/event-record';
import type { EventRow } from '../events/event-record';
import { EventsRepository } from '../events/events.repository';
import { RegistrationsRepository } from '../events/registrations.repository';
import { PeopleRepository } from '../people/people.repository';
import type { PublicProfile } from '@rendezvous/platform';
import { arrivalStatus, isAttending, registrationRefusal } from './registration-rules';
import type { RegistrationView } from './registration.view';

const REFUSALS: Record<string, string> = {
  [EVENT_ERRORS.ORGANIZER_CANNOT_REGISTER]: 'The organizer attends by definition',
  [EVENT_ERRORS.EVENT_CANCELLED]: 'The event is cancelled',
  [EVENT_ERRORS.EVENT_STARTED]: 'The event has already started',
};

@Injectable()
export class RegistrationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly profiles: PeopleRepository,
  ) {}

  /**
   * The event row lock makes registrations for one event take turns, in the order they reached
   * it: the seat count read under the lock is the truth, and the arrival number taken under it is
   * the waitlist order.
   */
  async register(callerId: string, eventId: string): Promise<RegistrationView> {
    return this.dataSource.transaction(async (tx) => {
      await this.profiles.lockCaller(tx, callerId);
      const event = await this.events.lock(tx, eventId);
      const refusal = registrationRefusal(factsOf(event), callerId);
      if (refusal) throw new DomainError(refusal, REFUSALS[refusal] ?? 'Cannot register');
      const previous = await this.registrations.lock(tx, eventId, callerId);
      if (previous && previous.status !== 'cancelled') {
        throw new DomainError(
          EVENT_ERRORS.ALREADY_REGISTERED,
          `You are already ${previous.status} for this event`,
        );
      }
      const status = arrivalStatus(factsOf(event));
      const row = await this.registrations.arrive(tx, event, callerId, status, previous);
      return {
        id: row.id,
        eventId,
        userId: callerId,
        status,
        ...(status === 'waitlisted' ? { waitlistPosition: event.waitlisted_count + 1 } : {}),
      };
    });
  }

  /** Cancels the caller's registration or waitlist place; a freed seat goes to the first waiting. */
  async cancelOwn(callerId: string, eventId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const event = await this.events.lock(tx, eventId);
      const registration = await this.registrations.lock(tx, eventId, callerId);
      if (!registration || registration.status === 'cancelled') {
        throw new DomainError(
          EVENT_ERRORS.REGISTRATION_NOT_FOUND,
          'You are not registered for this event',
        );
      }
      await this.registrations.cancel(tx, event, registration);
      if (registration.status === 'registered') await this.registrations.fillSeats(tx, eventId);
    });
  }

  async attendees(
    callerId: string,
    eventId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<PublicProfile>> {
    const event = await this.attendedBy(callerId, eventId);
    const rows = await this.registrations.attendees(
      this.dataSource.manager,
      event.id,
      decodeCursor(cursor, 'integer'),
      limit,
    );
    return toPage(
      rows,
      limit,
      (row) => ({ key: row.arrival, id: row.user_id }),
      (row) => row.profile,
    );
  }

  /** The event, when the caller organizes it or is registered (403 otherwise). */
  async attendedBy(callerId: string, eventId: string): Promise<EventRow> {
    const event = await this.events.find(this.dataSource.manager, eventId);
    const status = await this.registrations.statusOf(this.dataSource.manager, eventId, callerId);
    if (!isAttending(factsOf(event), callerId, status)) {
      throw new DomainError(
        EVENT_ERRORS.NOT_ATTENDEE,
        'Only the organizer and registered attendees may see this',
      );
    }
    return event;
  }
}
