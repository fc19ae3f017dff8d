import { EVENT_ERRORS } from '@rendezvous/contracts';
import type { EventFacts } from './registration-rules';
import { arrivalStatus, isAttending, registrationRefusal, seatsToFill } from './registration-rules';

const now = new Date('2030-06-15T12:00:00Z');
const event = (overrides: Partial<EventFacts> = {}): EventFacts => ({
  organizerId: 'organizer',
  status: 'scheduled',
  startsAt: new Date('2030-06-16T18:00:00Z'),
  endsAt: new Date('2030-06-16T20:00:00Z'),
  capacity: 2,
  registeredCount: 0,
  waitlistedCount: 0,
  ...overrides,
});

describe(registrationRefusal.name, () => {
  it('lets anyone but the organizer register for a scheduled event that has not started', () => {
    expect(registrationRefusal(event(), 'ada', now)).toBeNull();
  });

  it('refuses the organizer, a cancelled event and an event that has started', () => {
    expect(registrationRefusal(event(), 'organizer', now)).toBe(
      EVENT_ERRORS.ORGANIZER_CANNOT_REGISTER,
    );
    expect(registrationRefusal(event({ status: 'cancelled' }), 'ada', now)).toBe(
      EVENT_ERRORS.EVENT_CANCELLED,
    );
    expect(registrationRefusal(event({ startsAt: now }), 'ada', now)).toBe(
      EVENT_ERRORS.EVENT_STARTED,
    );
  });
});

describe(arrivalStatus.name, () => {
  it('seats a newcomer while a seat is free and nobody waits', () => {
    expect(arrivalStatus(event({ registeredCount: 1 }))).toBe('registered');
    expect(arrivalStatus(event({ registeredCount: 2 }))).toBe('waitlisted');
  });

  it('puts a newcomer behind people already waiting even if a seat is free', () => {
    expect(arrivalStatus(event({ registeredCount: 1, waitlistedCount: 1 }))).toBe('waitlisted');
  });
});

describe(seatsToFill.name, () => {
  it('promotes as many waiting people as there are free seats', () => {
    expect(seatsToFill(event({ capacity: 5, registeredCount: 2, waitlistedCount: 10 }), now)).toBe(
      3,
    );
    expect(seatsToFill(event({ capacity: 5, registeredCount: 2, waitlistedCount: 1 }), now)).toBe(
      1,
    );
    expect(seatsToFill(event({ capacity: 5, registeredCount: 5, waitlistedCount: 1 }), now)).toBe(
      0,
    );
  });

  it('promotes nobody for a cancelled or finished event', () => {
    const waiting = { registeredCount: 0, waitlistedCount: 3 };
    expect(seatsToFill(event({ ...waiting, status: 'cancelled' }), now)).toBe(0);
    expect(seatsToFill(event({ ...waiting, endsAt: now }), now)).toBe(0);
  });
});

describe(isAttending.name, () => {
  it('counts the organizer and registered people, not those waiting or gone', () => {
    expect(isAttending(event(), 'organizer', undefined)).toBe(true);
    expect(isAttending(event(), 'ada', 'registered')).toBe(true);
    expect(isAttending(event(), 'ada', 'waitlisted')).toBe(false);
    expect(isAttending(event(), 'ada', 'cancelled')).toBe(false);
    expect(isAttending(event(), 'ada', undefined)).toBe(false);
  });
});
