import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { QueueLedgerRepository } from './queue-ledger.repository';

/**
 * Matching's own queue events, kept as a ledger of what is open in Redis: when Redis loses the
 * queue, the people whose tickets and pairs it held are told (`QueueRecovery`).
 */
@Controller()
export class QueueLedgerConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly ledger: QueueLedgerRepository,
  ) {}

  @OnEvent(TOPICS.QUEUE_TICKET_CREATED)
  async onTicketCreated(event: TopicEnvelope<'queue.ticket_created'>): Promise<void> {
    await this.inbox.once(event, (tx) => this.ledger.ticketCreated(tx, event.data));
  }

  @OnEvent(TOPICS.QUEUE_TICKET_CANCELLED, TOPICS.QUEUE_EXPIRED)
  async onTicketEnded(
    event: TopicEnvelope<'queue.ticket_cancelled' | 'queue.expired'>,
  ): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.ledger.closeTickets(tx, [event.data.ticketId], event.aggregateVersion),
    );
  }

  @OnEvent(TOPICS.QUEUE_MATCH_FOUND)
  async onMatchFound(event: TopicEnvelope<'queue.match_found'>): Promise<void> {
    await this.inbox.once(event, (tx) => this.ledger.pairFound(tx, event.data));
  }

  @OnEvent(TOPICS.QUEUE_MATCH_READY)
  async onMatchReady(event: TopicEnvelope<'queue.match_ready'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.ledger.closePair(tx, event.data, event.aggregateVersion, []),
    );
  }

  // Tickets of people who did not decline go back to waiting: they stay open.
  @OnEvent(TOPICS.QUEUE_MATCH_CANCELLED)
  async onMatchCancelled(event: TopicEnvelope<'queue.match_cancelled'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.ledger.closePair(tx, event.data, event.aggregateVersion, event.data.requeuedTicketIds),
    );
  }
}
