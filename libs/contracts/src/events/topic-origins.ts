import { STATS_REPORTERS } from '../operations/stats-events';
import type { ServiceName } from '../services';
import { SERVICES } from '../services';
import type { Topic } from './topics';

/** Who publishes a topic, and what its message key (the envelope's `aggregateId`) identifies. */
export interface TopicOrigin {
  /** The services that publish it; the envelope's `source` is one of them. */
  producers: readonly ServiceName[];
  /** The aggregate the key names, e.g. `the user`. */
  key: string;
  /** Whether the key is always a UUID. */
  uuidKey: boolean;
}

const origin = (producers: readonly ServiceName[], key: string, uuidKey = true): TopicOrigin => ({
  producers,
  key,
  uuidKey,
});

/** Every topic's producers and key; the AsyncAPI document is generated from it. */
export const TOPIC_ORIGINS: Readonly<Record<Topic, TopicOrigin>> = {
  'user.created': origin(['user'], 'the user'),
  'user.updated': origin(['user'], 'the user'),
  'user.deleted': origin(['user'], 'the user'),
  'user.blocked': origin(['user'], 'the blocker (a user)'),
  'user.unblocked': origin(['user'], 'the blocker (a user)'),
  'user.status_changed': origin(['user'], 'the user'),
  'report.created': origin(['user'], 'the report'),
  'report.decided': origin(['user'], 'the report'),
  'audit.recorded': origin(
    ['event', 'reco', 'gateway', 'matching'],
    'the object acted on (`data.objectId`), else the actor',
    false,
  ),
  'dead_letter.status_changed': origin(['gateway'], 'the dead letter'),
  'timeslot.created': origin(['user'], 'the timeslot'),
  'timeslot.updated': origin(['user'], 'the timeslot'),
  'timeslot.deleted': origin(['user'], 'the timeslot'),
  'connection.requested': origin(['user'], 'the connection'),
  'connection.accepted': origin(['user'], 'the connection'),
  'connection.removed': origin(['user'], 'the connection'),
  'event.created': origin(['event'], 'the event'),
  'event.updated': origin(['event'], 'the event'),
  'event.cancelled': origin(['event'], 'the event'),
  'event.registration.created': origin(['event'], 'the registration'),
  'event.registration.cancelled': origin(['event'], 'the registration'),
  'event.registration.promoted': origin(['event'], 'the registration'),
  'swipe.performed': origin(['matching'], 'the swipe'),
  'match.created': origin(['matching'], 'the match'),
  'match.status_updated': origin(['matching'], 'the match'),
  'queue.ticket_created': origin(['matching'], 'the queue ticket'),
  'queue.ticket_cancelled': origin(['matching'], 'the queue ticket'),
  'queue.match_found': origin(['matching'], 'the queue pair (`data.matchId`)'),
  'queue.match_ready': origin(['matching'], 'the queue pair (`data.matchId`)'),
  'queue.match_cancelled': origin(['matching'], 'the queue pair (`data.matchId`)'),
  'queue.expired': origin(['matching'], 'the queue ticket'),
  'queue.ticket_lost': origin(['matching'], 'the queue ticket'),
  'queue.match_lost': origin(['matching'], 'the queue pair (`data.matchId`)'),
  'proximity.session_started': origin(['proximity'], 'the proximity session'),
  'proximity.nudge': origin(['proximity'], 'the nudge'),
  'proximity.session_ended': origin(['proximity'], 'the proximity session'),
  'venue.created': origin(['reco'], 'the venue'),
  'venue.updated': origin(['reco'], 'the venue'),
  'venue.interaction.logged': origin(['reco'], 'the interaction'),
  'plan.invited': origin(['booking-agent'], 'the plan'),
  'plan.updated': origin(['booking-agent'], 'the plan'),
  'plan.confirmed': origin(['booking-agent'], 'the plan'),
  'booking.confirmed': origin(['booking-agent'], 'the plan'),
  'booking.failed': origin(['booking-agent'], 'the plan'),
  'booking.cancelled': origin(['booking-agent'], 'the plan'),
  'export.requested': origin(['user'], 'the person whose data is exported'),
  'export.part': origin(SERVICES, 'the export'),
  'export.ready': origin(['user'], 'the export'),
  'stats.reported': origin(STATS_REPORTERS, 'the reporting service (`data.service`)', false),
};
