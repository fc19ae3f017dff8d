import type { QueueDifficulty } from '@rendezvous/contracts';

/** A ticket the ledger holds as open (waiting, or in a pair). */
export interface LedgerTicket {
  ticketId: string;
  userId: string;
  topic: string;
  difficulty: QueueDifficulty;
  version: number;
}

/** A pair the ledger holds as pending (found, not yet ready or cancelled). */
export interface LedgerPair {
  matchId: string;
  userIds: [string, string];
  ticketIds: [string, string];
  version: number;
}

export interface QueueLosses {
  /** Told `queue.match_lost`; their tickets end with them, untold. */
  pairs: LedgerPair[];
  /** Told `queue.ticket_lost`. */
  tickets: LedgerTicket[];
}

/**
 * What Redis lost of what the ledger holds open: a pending pair whose state is gone, and a
 * ticket whose state is gone and that is in no pending pair (a pair's people hear of the pair).
 */
export function queueLosses(
  open: { tickets: readonly LedgerTicket[]; pairs: readonly LedgerPair[] },
  present: { tickets: ReadonlySet<string>; pairs: ReadonlySet<string> },
): QueueLosses {
  const pairs = open.pairs.filter((pair) => !present.pairs.has(pair.matchId));
  const inPairs = new Set(open.pairs.flatMap((pair) => pair.ticketIds));
  const tickets = open.tickets.filter(
    (ticket) => !present.tickets.has(ticket.ticketId) && !inPairs.has(ticket.ticketId),
  );
  return { pairs, tickets };
}
