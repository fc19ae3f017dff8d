import { Injectable } from '@nestjs/common';
import type {
  QueueDifficulty,
  QueueMatchFoundData,
  QueueTicketCreatedData,
} from '@rendezvous/contracts';
import type { Queryable } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { LedgerPair, LedgerTicket } from './queue-loss';

/** Closed rows are kept this long, past any redelivery of the events that could reopen them. */
const TOMBSTONE_HOURS = 24;

interface TicketRow {
  ticket_id: string;
  user_id: string;
  topic: string;
  difficulty: QueueDifficulty;
  version: number;
}

interface PairRow {
  match_id: string;
  user_ids: [string, string];
  ticket_ids: [string, string];
  version: number;
}

const toTicket = (row: TicketRow): LedgerTicket => ({
  ticketId: row.ticket_id,
  userId: row.user_id,
  topic: row.topic,
  difficulty: row.difficulty,
  version: row.version,
});

const toPair = (row: PairRow): LedgerPair => ({
  matchId: row.match_id,
  userIds: row.user_ids,
  ticketIds: row.ticket_ids,
  version: row.version,
});

const TICKET_COLUMNS = 'ticket_id, user_id, topic, difficulty, version';
const PAIR_COLUMNS = 'match_id, user_ids, ticket_ids, version';

/** The queue ledger (`queue_ledger_*`): which tickets and pairs are open, as events tell. */
@Injectable()
export class QueueLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new ticket is open, unless an event that closed it came first. */
  async ticketCreated(tx: Queryable, data: QueueTicketCreatedData): Promise<void> {
    await tx.query(
      `INSERT INTO queue_ledger_tickets (ticket_id, user_id, topic, difficulty, open, version)
       VALUES ($1, $2, $3, $4, true, 1)
       ON CONFLICT (ticket_id) DO UPDATE SET user_id = EXCLUDED.user_id,
         topic = EXCLUDED.topic, difficulty = EXCLUDED.difficulty`,
      [data.ticketId, data.userId, data.topic, data.difficulty],
    );
  }

  async closeTickets(tx: Queryable, ticketIds: readonly string[], version = 0): Promise<void> {
    await tx.query(
      `INSERT INTO queue_ledger_tickets (ticket_id, open, version)
       SELECT id, false, $2 FROM unnest($1::uuid[]) AS id
       ON CONFLICT (ticket_id) DO UPDATE SET open = false, changed_at = now(),
         version = GREATEST(queue_ledger_tickets.version, EXCLUDED.version)`,
      [ticketIds, version],
    );
  }

  /** A pending pair; if its end arrived first, its tickets end now (but those it requeued). */
  async pairFound(tx: Queryable, data: QueueMatchFoundData): Promise<void> {
    const [row] = (await tx.query(
      `INSERT INTO queue_ledger_pairs (match_id, user_ids, ticket_ids, open, version)
       VALUES ($1, $2, $3, true, 1)
       ON CONFLICT (match_id) DO UPDATE SET ticket_ids = EXCLUDED.ticket_ids
       RETURNING open, kept_ticket_ids`,
      [data.matchId, data.userIds, data.ticketIds],
    )) as { open: boolean; kept_ticket_ids: string[] }[];
    if (row && !row.open) {
      const kept = new Set(row.kept_ticket_ids);
      await this.closeTickets(
        tx,
        data.ticketIds.filter((id) => !kept.has(id)),
      );
    }
  }

  /** The pair is over (ready or cancelled); its tickets end, but those it put back to waiting. */
  async closePair(
    tx: Queryable,
    pair: { matchId: string; userIds: readonly string[] },
    version: number,
    keptTicketIds: readonly string[],
  ): Promise<void> {
    const [row] = (await tx.query(
      `INSERT INTO queue_ledger_pairs
         (match_id, user_ids, ticket_ids, kept_ticket_ids, open, version)
       VALUES ($1, $2, '{}', $3, false, $4)
       ON CONFLICT (match_id) DO UPDATE SET open = false, changed_at = now(),
         kept_ticket_ids = EXCLUDED.kept_ticket_ids,
         version = GREATEST(queue_ledger_pairs.version, EXCLUDED.version)
       RETURNING ticket_ids`,
      [pair.matchId, pair.userIds, keptTicketIds, version],
    )) as { ticket_ids: string[] }[];
    const kept = new Set(keptTicketIds);
    await this.closeTickets(
      tx,
      (row?.ticket_ids ?? []).filter((id) => !kept.has(id)),
    );
  }

  /** Everything open now; a ticket whose creation has not arrived (no owner yet) is left out. */
  async open(): Promise<{ tickets: LedgerTicket[]; pairs: LedgerPair[] }> {
    const tickets = (await this.dataSource.query(
      `SELECT ${TICKET_COLUMNS} FROM queue_ledger_tickets WHERE open AND user_id IS NOT NULL`,
    )) as TicketRow[];
    const pairs = (await this.dataSource.query(
      `SELECT ${PAIR_COLUMNS} FROM queue_ledger_pairs WHERE open`,
    )) as PairRow[];
    return { tickets: tickets.map(toTicket), pairs: pairs.map(toPair) };
  }

  /**
   * Closes what is still open of these pairs (and their tickets) and tickets, answering only
   * what this call closed: replicas that rebuild at once wait on each other's row locks, and the
   * later one finds the rows closed, so each loss is reported once.
   */
  async closeLost(
    tx: Queryable,
    matchIds: readonly string[],
    ticketIds: readonly string[],
  ): Promise<{ tickets: LedgerTicket[]; pairs: LedgerPair[] }> {
    const pairs = (await tx.query(
      `UPDATE queue_ledger_pairs SET open = false, changed_at = now(), version = version + 1
        WHERE match_id = ANY($1::uuid[]) AND open RETURNING ${PAIR_COLUMNS}`,
      [matchIds],
    )) as [PairRow[], number];
    const closedPairs = pairs[0].map(toPair);
    await this.closeTickets(
      tx,
      closedPairs.flatMap((pair) => pair.ticketIds),
    );
    const tickets = (await tx.query(
      `UPDATE queue_ledger_tickets SET open = false, changed_at = now(), version = version + 1
        WHERE ticket_id = ANY($1::uuid[]) AND open RETURNING ${TICKET_COLUMNS}`,
      [ticketIds],
    )) as [TicketRow[], number];
    return { pairs: closedPairs, tickets: tickets[0].map(toTicket) };
  }

  /** Drops closed rows old enough that no event can come to reopen them. */
  async prune(): Promise<void> {
    for (const table of ['queue_ledger_tickets', 'queue_ledger_pairs']) {
      await this.dataSource.query(
        `DELETE FROM ${table} WHERE NOT open AND changed_at < now() - make_interval(hours => $1)`,
        [TOMBSTONE_HOURS],
      );
    }
  }
}
