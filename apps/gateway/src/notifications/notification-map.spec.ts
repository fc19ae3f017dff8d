import { randomUUID } from 'node:crypto';
import type { ConnectionEventData, Envelope, MatchCreatedData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { notificationsFor } from './notification-map';

function connectionEvent(
  type: string,
  recipientIds?: string[],
): Envelope<ConnectionEventData> & { fromUserId: string } {
  const fromUserId = randomUUID();
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: '2026-11-26T10:00:00.000Z',
    source: 'user',
    aggregateId: randomUUID(),
    aggregateVersion: 1,
    correlationId: randomUUID(),
    ...(recipientIds ? { recipientIds } : {}),
    data: {
      connectionId: randomUUID(),
      fromUserId,
      toUserId: recipientIds?.[0] ?? randomUUID(),
      status: 'pending',
      types: ['request'],
      strength: 0,
    },
    fromUserId,
  };
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
    const event: Envelope<MatchCreatedData> = {
      ...connectionEvent(TOPICS.MATCH_CREATED, [a, b]),
      data: { matchId, userIds: [a, b], score: 0.8, sharedInterests: ['ai'] },
    };
    const payloads = notificationsFor(event).map((n) => [n.recipientId, n.payload]);
    expect(payloads).toEqual([
      [a, expect.objectContaining({ matchId, partnerId: b, score: 0.8, sharedInterests: ['ai'] })],
      [b, expect.objectContaining({ matchId, partnerId: a, notificationId: event.id })],
    ]);
  });

  it('notifies nobody for events without recipients or without a mapping', () => {
    expect(notificationsFor(connectionEvent(TOPICS.CONNECTION_ACCEPTED))).toEqual([]);
    expect(notificationsFor(connectionEvent(TOPICS.CONNECTION_REMOVED, [randomUUID()]))).toEqual(
      [],
    );
  });
});
