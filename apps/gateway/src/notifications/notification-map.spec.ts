import { randomUUID } from 'node:crypto';
import type {
  BookingData,
  BookingFailedData,
  ConnectionEventData,
  Envelope,
  EventRegistrationData,
  EventStateData,
  PlanStateData,
  ReportCreatedData,
  ReportDecidedData,
  EventData,
  Topic,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { aPartialEnvelope, anEnvelope } from '@rendezvous/testing';
import { notificationsFor, pushesFor } from './notification-map';

/** An event as the gateway receives it, at a fixed time. */
function anEvent<T extends Topic>(type: T, data: EventData<T>, recipientIds?: string[]) {
  return {
    ...anEnvelope(type, data, { ...(recipientIds ? { recipientIds } : {}) }),
    occurredAt: '2026-11-26T10:00:00.000Z',
  };
}

function connectionEvent(
  type: 'connection.requested' | 'connection.accepted' | 'connection.removed',
  recipientIds?: string[],
) {
  const fromUserId = randomUUID();
  const data: ConnectionEventData = {
    connectionId: randomUUID(),
    fromUserId,
    toUserId: recipientIds?.[0] ?? randomUUID(),
    status: 'pending',
    types: ['request'],
    strength: 0,
  };
  return { ...anEvent(type, data, recipientIds), fromUserId };
}

describe(notificationsFor.name, () => {
  it('notifies each recipient of a connection request with the requester and the event id', () => {
    const recipient = randomUUID();
    const event = connectionEvent(TOPICS.CONNECTION_REQUESTED, [recipient]);
    expect(notificationsFor(event)).toEqual([
      {
        recipientId: recipient,
        event: 'connection.requested',
        payload: {
          userId: event.fromUserId,
          notificationId: event.id,
          occurredAt: '2026-11-26T10:00:00.000Z',
        },
      },
    ]);
  });

  it('tells each person of a match who their partner is', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const matchId = randomUUID();
    const event = anEvent(
      TOPICS.MATCH_CREATED,
      { matchId, userIds: [a, b], score: 0.8, sharedInterests: ['ai'] },
      [a, b],
    );
    const payloads = notificationsFor(event).map((n) => [n.recipientId, n.payload]);
    expect(payloads).toEqual([
      [a, expect.objectContaining({ matchId, partnerId: b, score: 0.8, sharedInterests: ['ai'] })],
      [b, expect.objectContaining({ matchId, partnerId: a, notificationId: event.id })],
    ]);
  });

  it('tells the person their export is ready with its id alone', () => {
    const [userId, exportId] = [randomUUID(), randomUUID()];
    const event = anEvent(
      TOPICS.EXPORT_READY,
      {
        exportId,
        userId,
        readyAt: '2026-11-26T10:00:00.000Z',
        expiresAt: '2026-12-03T10:00:00.000Z',
      },
      [userId],
    );
    expect(notificationsFor(event)).toEqual([
      {
        recipientId: userId,
        event: 'export.ready',
        payload: { exportId, notificationId: event.id, occurredAt: '2026-11-26T10:00:00.000Z' },
      },
    ]);
  });

  it('notifies nobody for events without recipients or without a mapping', () => {
    expect(notificationsFor(connectionEvent(TOPICS.CONNECTION_ACCEPTED))).toEqual([]);
    expect(notificationsFor(connectionEvent(TOPICS.CONNECTION_REMOVED, [randomUUID()]))).toEqual(
      [],
    );
  });

  it('tells both people of a proximity nudge only the shared categories and a message', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const sessionIds: [string, string] = [randomUUID(), randomUUID()];
    const event = anEvent(
      TOPICS.PROXIMITY_NUDGE,
      { nudgeId: randomUUID(), userIds: [a, b], sessionIds, sharedInterests: ['tech'] },
      [a, b],
    );
    const notifications = notificationsFor(event);
    expect(notifications.map((n) => n.recipientId)).toEqual([a, b]);
    for (const { payload } of notifications) {
      expect(payload).toEqual({
        sharedInterests: ['tech'],
        message: 'Someone nearby is into tech too. Say hello?',
        notificationId: event.id,
        occurredAt: event.occurredAt,
      });
      const text = JSON.stringify(payload);
      for (const secret of [a, b, ...sessionIds]) expect(text).not.toContain(secret);
    }
  });
});

describe('event notifications', () => {
  const envelope = <T extends Topic>(
    type: T,
    data: EventData<T>,
    recipientIds: string[],
  ): Envelope<EventData<T>, T> => ({
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: '2026-11-26T10:00:00.000Z',
    source: 'event',
    aggregateId: randomUUID(),
    aggregateVersion: 2,
    correlationId: randomUUID(),
    recipientIds,
    data,
  });
  const eventId = randomUUID();
  const organizerId = randomUUID();

  it('tells the owner of a lost proximity session only that it was lost, and nobody of an ended one', () => {
    const owner = randomUUID();
    const data = (reason: 'lost' | 'ended') => ({
      sessionId: randomUUID(),
      userId: owner,
      reason,
      endedAt: '2026-11-26T10:00:00.000Z',
    });
    const lost = anEvent(TOPICS.PROXIMITY_SESSION_ENDED, data('lost'), [owner]);
    expect(notificationsFor(lost)).toEqual([
      {
        recipientId: owner,
        event: 'proximity.session_ended',
        payload: { reason: 'lost', notificationId: lost.id, occurredAt: lost.occurredAt },
      },
    ]);
    expect(
      notificationsFor(anEvent(TOPICS.PROXIMITY_SESSION_ENDED, data('ended'), [owner])),
    ).toEqual([]);
  });

  it('tells a ticket owner why their ticket ended: a timeout, or Redis lost it', () => {
    const owner = randomUUID();
    const ticketId = randomUUID();
    const ticket = { ticketId, userId: owner, topic: 'rust', difficulty: 'easy' } as const;
    const expired = anEvent(TOPICS.QUEUE_EXPIRED, ticket, [owner]);
    const lost = anEvent(TOPICS.QUEUE_TICKET_LOST, ticket, [owner]);
    expect([...notificationsFor(expired), ...notificationsFor(lost)]).toEqual([
      {
        recipientId: owner,
        event: 'queue.expired',
        payload: {
          ticketId,
          reason: 'timeout',
          notificationId: expired.id,
          occurredAt: expired.occurredAt,
        },
      },
      {
        recipientId: owner,
        event: 'queue.expired',
        payload: { ticketId, reason: 'lost', notificationId: lost.id, occurredAt: lost.occurredAt },
      },
    ]);
  });

  it('tells both people of a pair Redis lost that it is cancelled, reason lost', () => {
    const userIds: [string, string] = [randomUUID(), randomUUID()];
    const matchId = randomUUID();
    const lost = anEvent(
      TOPICS.QUEUE_MATCH_LOST,
      { matchId, userIds, ticketIds: [randomUUID(), randomUUID()] },
      userIds,
    );
    expect(notificationsFor(lost)).toEqual(
      userIds.map((recipientId) => ({
        recipientId,
        event: 'queue.match_cancelled',
        payload: { matchId, reason: 'lost', notificationId: lost.id, occurredAt: lost.occurredAt },
      })),
    );
  });

  it('tells the promoted person which event they now have a seat at', () => {
    const promoted = randomUUID();
    const data: EventRegistrationData = {
      registrationId: randomUUID(),
      eventId,
      organizerId,
      userId: promoted,
      status: 'registered',
      eventStartsAt: '2026-12-01T18:00:00.000Z',
      eventEndsAt: '2026-12-01T20:00:00.000Z',
    };
    const event = envelope(TOPICS.EVENT_REGISTRATION_PROMOTED, data, [promoted]);
    expect(notificationsFor(event)).toEqual([
      {
        recipientId: promoted,
        event: 'event.registration.promoted',
        payload: { eventId, notificationId: event.id, occurredAt: event.occurredAt },
      },
    ]);
  });

  it('tells everyone registered or waiting that the event is cancelled', () => {
    const people = [randomUUID(), randomUUID()];
    const data: EventStateData = {
      eventId,
      organizerId,
      title: 'Rust meetup',
      description: '',
      category: 'networking',
      tags: [],
      startsAt: '2026-12-01T18:00:00.000Z',
      endsAt: '2026-12-01T20:00:00.000Z',
      location: { name: 'Station F', lat: 48.83, lng: 2.37 },
      capacity: 10,
      status: 'cancelled',
    };
    const notifications = notificationsFor(envelope(TOPICS.EVENT_CANCELLED, data, people));
    expect(notifications.map((n) => [n.recipientId, n.event, n.payload.eventId])).toEqual([
      [people[0], 'event.cancelled', eventId],
      [people[1], 'event.cancelled', eventId],
    ]);
  });

  it('notifies nobody of event changes that have no notification', () => {
    expect(
      notificationsFor(
        aPartialEnvelope(TOPICS.EVENT_UPDATED, {}, { recipientIds: [randomUUID()] }),
      ),
    ).toEqual([]);
  });
});

describe('plan and booking notifications', () => {
  const planId = randomUUID();
  const people = [randomUUID(), randomUUID()];
  const envelope = <T extends Topic>(type: T, data: EventData<T>): Envelope<EventData<T>, T> => ({
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: '2026-11-26T10:00:00.000Z',
    source: 'booking-agent',
    aggregateId: planId,
    aggregateVersion: 3,
    correlationId: randomUUID(),
    recipientIds: people,
    data,
  });
  const when = { startsAt: '2026-12-01T18:00:00.000Z', endsAt: '2026-12-01T19:00:00.000Z' };
  const venueId = randomUUID();

  it('tells participants the plan and its status, never who else is invited', () => {
    const data: PlanStateData = {
      planId,
      organizerId: people[0],
      venueId,
      ...when,
      status: 'proposed',
      participants: [
        { userId: people[0], role: 'organizer', status: 'accepted' },
        { userId: people[1], role: 'invitee', status: 'invited' },
      ],
      timeslotId: null,
    };
    for (const type of [TOPICS.PLAN_INVITED, TOPICS.PLAN_UPDATED]) {
      const event = envelope(type, data);
      expect(notificationsFor(event).map((n) => [n.recipientId, n.event, n.payload])).toEqual(
        people.map((id) => [
          id,
          type,
          { planId, status: 'proposed', notificationId: event.id, occurredAt: event.occurredAt },
        ]),
      );
    }
  });

  it('gives the booking id and reference of a confirmed or cancelled booking', () => {
    const bookingId = randomUUID();
    for (const status of ['confirmed', 'cancelled'] as const) {
      const data: BookingData = {
        planId,
        bookingId,
        venueId,
        ...when,
        partySize: 2,
        reference: 'RDV-7Q2K9M',
        status,
        timeslotId: null,
      };
      const type = status === 'confirmed' ? TOPICS.BOOKING_CONFIRMED : TOPICS.BOOKING_CANCELLED;
      const [first] = notificationsFor(envelope(type, data));
      expect({ event: first.event, planId: first.payload.planId }).toEqual({ event: type, planId });
      expect(first.payload).toMatchObject({ bookingId, reference: 'RDV-7Q2K9M' });
      expect(first.payload).not.toHaveProperty('partySize');
    }
  });

  it('gives the reason of a failed booking', () => {
    const data: BookingFailedData = {
      planId,
      venueId,
      ...when,
      partySize: 5,
      reason: 'venue_full',
    };
    const notifications = notificationsFor(envelope(TOPICS.BOOKING_FAILED, data));
    expect(notifications.map((n) => [n.recipientId, n.payload.reason])).toEqual([
      [people[0], 'venue_full'],
      [people[1], 'venue_full'],
    ]);
    expect(Object.keys(notifications[0].payload).sort()).toEqual([
      'notificationId',
      'occurredAt',
      'planId',
      'reason',
    ]);
  });

  it('notifies nobody of the agent’s own work order', () => {
    expect(
      notificationsFor(aPartialEnvelope(TOPICS.PLAN_CONFIRMED, {}, { recipientIds: people })),
    ).toEqual([]);
  });
});

describe('moderation notifications', () => {
  const reportId = randomUUID();
  const subjectUserId = randomUUID();
  const envelope = <T extends Topic>(
    type: T,
    data: EventData<T>,
    recipientIds: string[],
  ): Envelope<EventData<T>, T> => ({
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: '2026-11-26T10:00:00.000Z',
    source: 'user',
    aggregateId: reportId,
    aggregateVersion: 1,
    correlationId: randomUUID(),
    recipientIds,
    data,
  });

  it('tells every moderator and admin of a new report, once per role room, never who filed it', () => {
    const staff = [randomUUID(), randomUUID()];
    const reporterId = randomUUID();
    const data: ReportCreatedData = {
      reportId,
      reporterId,
      subjectUserId,
      reason: 'harassment',
      context: { type: 'match', id: randomUUID() },
      subjectOpenReports: 2,
      createdAt: '2026-11-26T10:00:00.000Z',
    };
    const event = envelope(TOPICS.REPORT_CREATED, data, staff);
    const notifications = notificationsFor(event);
    const payload = {
      reportId,
      subjectUserId,
      reason: 'harassment',
      subjectOpenReports: 2,
      notificationId: event.id,
      occurredAt: event.occurredAt,
    };
    expect(notifications).toEqual(
      staff.map((recipientId) => ({ recipientId, event: 'moderation.report_created', payload })),
    );
    expect(JSON.stringify(payload)).not.toContain(reporterId);
    expect(pushesFor(event, notifications)).toEqual([
      { to: { roles: ['moderator', 'admin'] }, event: 'moderation.report_created', payload },
    ]);
  });

  it('warns the subject of a warning with the report’s reason, and nobody of other decisions', () => {
    const decided = (action: ReportDecidedData['action']) =>
      envelope(
        TOPICS.REPORT_DECIDED,
        {
          reportId,
          subjectUserId,
          reason: 'spam',
          action,
          status: action === 'dismiss' ? 'dismissed' : 'actioned',
          decidedBy: randomUUID(),
          decidedAt: '2026-11-26T10:00:00.000Z',
        },
        [subjectUserId],
      );
    const warned = decided('warn');
    const notifications = notificationsFor(warned);
    expect(notifications).toEqual([
      {
        recipientId: subjectUserId,
        event: 'account.warned',
        payload: { reason: 'spam', notificationId: warned.id, occurredAt: warned.occurredAt },
      },
    ]);
    expect(pushesFor(warned, notifications)).toEqual([
      { to: { userId: subjectUserId }, event: 'account.warned', payload: notifications[0].payload },
    ]);
    for (const action of ['dismiss', 'suspend', 'ban'] as const) {
      expect(notificationsFor(decided(action))).toEqual([]);
    }
  });
});
