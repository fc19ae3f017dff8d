import type {
  ConnectionEventData,
  Envelope,
  MatchCreatedData,
  MatchStatusUpdatedData,
  Topic,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';

/** What a client receives: the event's own fields plus the id and time of the event behind it. */
export type NotificationPayload = Record<string, unknown> & {
  notificationId: string;
  occurredAt: string;
};

export interface Notification {
  recipientId: string;
  /** The Socket.IO event name (API.md, Real time). */
  event: string;
  payload: NotificationPayload;
}

/** The fields one recipient sees for an event; per recipient because e.g. a partner differs. */
type PayloadFor<TData> = (data: TData, recipientId: string, envelope: Envelope<TData>) => object;

function mapping<TData>(payloadFor: PayloadFor<TData>): PayloadFor<unknown> {
  return payloadFor as PayloadFor<unknown>;
}

/**
 * Events that notify people, keyed by topic; the Socket.IO event has the topic's name and goes
 * to the envelope's `recipientIds`. Adding a notification is one entry here.
 */
export const NOTIFICATION_PAYLOADS: Partial<Record<Topic, PayloadFor<unknown>>> = {
  [TOPICS.CONNECTION_REQUESTED]: mapping<ConnectionEventData>((data) => ({
    userId: data.fromUserId,
  })),
  [TOPICS.CONNECTION_ACCEPTED]: mapping<ConnectionEventData>((data) => ({
    userId: data.fromUserId,
  })),
  [TOPICS.MATCH_CREATED]: mapping<MatchCreatedData>((data, recipientId) => ({
    matchId: data.matchId,
    partnerId: data.userIds[0] === recipientId ? data.userIds[1] : data.userIds[0],
    score: data.score,
    sharedInterests: data.sharedInterests,
  })),
  [TOPICS.MATCH_STATUS_UPDATED]: mapping<MatchStatusUpdatedData>((data) => ({
    matchId: data.matchId,
    status: data.status,
  })),
};

export const NOTIFYING_TOPICS = Object.keys(NOTIFICATION_PAYLOADS) as Topic[];

export function notificationsFor(envelope: Envelope): Notification[] {
  const payloadFor = NOTIFICATION_PAYLOADS[envelope.type as Topic];
  if (!payloadFor) return [];
  return (envelope.recipientIds ?? []).map((recipientId) => ({
    recipientId,
    event: envelope.type,
    payload: {
      ...payloadFor(envelope.data, recipientId, envelope),
      notificationId: envelope.id,
      occurredAt: envelope.occurredAt,
    },
  }));
}
