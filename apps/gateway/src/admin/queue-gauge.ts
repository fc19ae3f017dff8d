import type { AnyEnvelope, Topic } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';

/** A queue ticket starts or stops waiting. */
export interface TicketMove {
  ticketId: string;
  waiting: boolean;
}

/** The queue topics that move tickets in or out of waiting. */
export const QUEUE_TOPICS: readonly Topic[] = [
  TOPICS.QUEUE_TICKET_CREATED,
  TOPICS.QUEUE_TICKET_CANCELLED,
  TOPICS.QUEUE_EXPIRED,
  TOPICS.QUEUE_MATCH_FOUND,
  TOPICS.QUEUE_MATCH_CANCELLED,
  TOPICS.QUEUE_TICKET_LOST,
  TOPICS.QUEUE_MATCH_LOST,
];

/**
 * How an event moves tickets. `queueWaiting` is the set of tickets last seen waiting, not a
 * counter, so the end of a ticket the gateway never saw waiting (say `queue.ticket_lost` after Redis
 * lost both) takes nothing away from the others.
 */
export function ticketMoves(envelope: AnyEnvelope): TicketMove[] {
  switch (envelope.type) {
    case TOPICS.QUEUE_TICKET_CREATED:
      return [{ ticketId: envelope.data.ticketId, waiting: true }];
    case TOPICS.QUEUE_TICKET_CANCELLED:
    case TOPICS.QUEUE_EXPIRED:
    case TOPICS.QUEUE_TICKET_LOST:
      return [{ ticketId: envelope.data.ticketId, waiting: false }];
    case TOPICS.QUEUE_MATCH_FOUND:
    case TOPICS.QUEUE_MATCH_LOST:
      return envelope.data.ticketIds.map((ticketId) => ({ ticketId, waiting: false }));
    case TOPICS.QUEUE_MATCH_CANCELLED:
      return envelope.data.requeuedTicketIds.map((ticketId) => ({ ticketId, waiting: true }));
    default:
      return [];
  }
}
