import type {
  AnyEnvelope,
  BookingData,
  Envelope,
  EventData,
  PlanStateData,
  Role,
  Topic,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { nudgeMessage } from './nudge-message';

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

const partnerOf = (userIds: [string, string], recipientId: string) =>
  userIds[0] === recipientId ? userIds[1] : userIds[0];

const planStatus = (data: PlanStateData) => ({ planId: data.planId, status: data.status });

const bookingReference = (data: BookingData) => ({
  planId: data.planId,
  bookingId: data.bookingId,
  reference: data.reference,
});

/** How one topic notifies people. */
interface NotificationRule<T extends Topic> {
  /** The fields one recipient sees; per recipient because e.g. a partner differs. */
  payloadFor: (
    data: EventData<T>,
    recipientId: string,
    envelope: Envelope<EventData<T>, T>,
  ) => object;
  /** The Socket.IO event; the topic's name unless given. */
  event?: string;
  /** Whether this event notifies at all; every event of the topic when absent. */
  when?: (data: EventData<T>) => boolean;
  /**
   * Pushed once to these role rooms instead of each recipient's own room, so a person granted
   * the role while connected gets it too and a person in several rooms gets it once. The
   * history still follows `recipientIds`. The payload must not depend on the recipient.
   */
  roles?: readonly Role[];
}

type NotificationRules = { readonly [T in Topic]?: NotificationRule<T> };

/**
 * Events that notify people, keyed by topic; unless the entry says otherwise the Socket.IO event
 * has the topic's name and goes to the envelope's `recipientIds`. Adding a notification is one
 * entry here.
 */
export const NOTIFICATION_RULES: NotificationRules = {
  [TOPICS.CONNECTION_REQUESTED]: {
    payloadFor: (data) => ({
      userId: data.fromUserId,
    }),
  },
  [TOPICS.CONNECTION_ACCEPTED]: {
    payloadFor: (data) => ({
      userId: data.fromUserId,
    }),
  },
  [TOPICS.MATCH_CREATED]: {
    payloadFor: (data, recipientId) => ({
      matchId: data.matchId,
      partnerId: partnerOf(data.userIds, recipientId),
      score: data.score,
      sharedInterests: data.sharedInterests,
    }),
  },
  [TOPICS.MATCH_STATUS_UPDATED]: {
    payloadFor: (data) => ({
      matchId: data.matchId,
      status: data.status,
    }),
  },
  [TOPICS.QUEUE_MATCH_FOUND]: {
    payloadFor: (data, recipientId) => ({
      matchId: data.matchId,
      partnerId: partnerOf(data.userIds, recipientId),
      topic: data.topic,
      difficulty: data.difficulty,
      confirmBy: data.confirmBy,
    }),
  },
  [TOPICS.QUEUE_MATCH_READY]: {
    payloadFor: (data, recipientId) => ({
      matchId: data.matchId,
      sessionId: data.sessionId,
      partnerId: partnerOf(data.userIds, recipientId),
    }),
  },
  [TOPICS.QUEUE_MATCH_CANCELLED]: {
    payloadFor: (data) => ({
      matchId: data.matchId,
      reason: data.reason,
    }),
  },
  [TOPICS.QUEUE_EXPIRED]: {
    payloadFor: (data) => ({ ticketId: data.ticketId, reason: 'timeout' }),
  },
  // What Redis lost reaches clients as the end it amounts to, with reason `lost`.
  [TOPICS.QUEUE_TICKET_LOST]: {
    event: 'queue.expired',
    payloadFor: (data) => ({ ticketId: data.ticketId, reason: 'lost' }),
  },
  [TOPICS.QUEUE_MATCH_LOST]: {
    event: 'queue.match_cancelled',
    payloadFor: (data) => ({ matchId: data.matchId, reason: 'lost' }),
  },
  [TOPICS.EVENT_REGISTRATION_PROMOTED]: {
    payloadFor: (data) => ({
      eventId: data.eventId,
    }),
  },
  [TOPICS.EVENT_CANCELLED]: { payloadFor: (data) => ({ eventId: data.eventId }) },
  // Only the shared categories: never who the other person is, nor their token or session.
  [TOPICS.PROXIMITY_NUDGE]: {
    payloadFor: (data) => ({
      sharedInterests: data.sharedInterests,
      message: nudgeMessage(data.sharedInterests),
    }),
  },
  // Only the reason; the session id stays with proximity. Told only when it was lost.
  [TOPICS.PROXIMITY_SESSION_ENDED]: {
    payloadFor: (data) => ({ reason: data.reason }),
    when: (data) => data.reason === 'lost',
  },
  [TOPICS.PLAN_INVITED]: { payloadFor: planStatus },
  [TOPICS.PLAN_UPDATED]: { payloadFor: planStatus },
  [TOPICS.BOOKING_CONFIRMED]: { payloadFor: bookingReference },
  [TOPICS.BOOKING_CANCELLED]: { payloadFor: bookingReference },
  [TOPICS.BOOKING_FAILED]: {
    payloadFor: (data) => ({
      planId: data.planId,
      reason: data.reason,
    }),
  },
  // Every moderator and admin; the reporter and the report's details stay in the user service.
  [TOPICS.REPORT_CREATED]: {
    payloadFor: (data) => ({
      reportId: data.reportId,
      subjectUserId: data.subjectUserId,
      reason: data.reason,
      subjectOpenReports: data.subjectOpenReports,
    }),
    event: 'moderation.report_created',
    roles: ['moderator', 'admin'],
  },
  [TOPICS.EXPORT_READY]: { payloadFor: (data) => ({ exportId: data.exportId }) },
  [TOPICS.REPORT_DECIDED]: {
    payloadFor: (data) => ({ reason: data.reason }),
    event: 'account.warned',
    when: (data) => data.action === 'warn',
  },
};

export const NOTIFYING_TOPICS = Object.keys(NOTIFICATION_RULES) as Topic[];

export function notificationsFor<T extends Topic>(
  envelope: Envelope<EventData<T>, T>,
): Notification[] {
  const rule = NOTIFICATION_RULES[envelope.type];
  if (!rule || !(rule.when?.(envelope.data) ?? true)) return [];
  return (envelope.recipientIds ?? []).map((recipientId) => ({
    recipientId,
    event: rule.event ?? envelope.type,
    payload: {
      ...rule.payloadFor(envelope.data, recipientId, envelope),
      notificationId: envelope.id,
      occurredAt: envelope.occurredAt,
    },
  }));
}

/** One Socket.IO emit: to a person's own room, or once to role rooms. */
export interface Push {
  to: { userId: string } | { roles: readonly Role[] };
  event: string;
  payload: NotificationPayload;
}

/** How an event's notifications are pushed once they are in the history. */
export function pushesFor(envelope: AnyEnvelope, notifications: Notification[]): Push[] {
  const roles = NOTIFICATION_RULES[envelope.type]?.roles;
  if (!roles) {
    return notifications.map(({ recipientId, event, payload }) => ({
      to: { userId: recipientId },
      event,
      payload,
    }));
  }
  const [first] = notifications;
  return first ? [{ to: { roles }, event: first.event, payload: first.payload }] : [];
}
