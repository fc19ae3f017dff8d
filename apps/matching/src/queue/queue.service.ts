import { Inject, Injectable } from '@nestjs/common';
import type { QueueDifficulty } from '@rendezvous/contracts';
import {
  DomainError,
  MATCHING_ERRORS,
  accountSuspendedError,
  isSuspendedAt,
  normaliseTerm,
} from '@rendezvous/contracts';
import { AccessCheck, REVOCATION_CHECK } from '@rendezvous/platform';
import { QueueMetrics } from './queue-metrics';
import type { StoredTicket } from './queue-store';
import { QueueStore } from './queue-store';
import type { ConfirmAnswer, TicketView } from './queue.shapes';

const toView = ({ userId: _owner, ...ticket }: StoredTicket): TicketView => ticket;

@Injectable()
export class QueueService {
  constructor(
    private readonly store: QueueStore,
    private readonly metrics: QueueMetrics,
    @Inject(REVOCATION_CHECK) private readonly access: AccessCheck,
  ) {}

  /** A new ticket (`created: true`), or the caller's live ticket with the same parameters. */
  async enqueue(
    userId: string,
    topic: string,
    difficulty: QueueDifficulty,
  ): Promise<{ created: boolean; ticket: TicketView }> {
    const reply = await this.store.enqueue(userId, normaliseTerm(topic), difficulty);
    if (reply.outcome === 'conflict') {
      throw new DomainError(
        MATCHING_ERRORS.TICKET_CONFLICT,
        `You already have a ${reply.ticket.status} ticket for ${reply.ticket.topic} (${reply.ticket.difficulty}); cancel it first`,
      );
    }
    if (reply.outcome === 'created') {
      this.metrics.paired(reply.paired);
      await this.withdrawIfSuspendedMeanwhile(userId);
    }
    return { created: reply.outcome === 'created', ticket: toView(reply.ticket) };
  }

  async get(userId: string, ticketId: string): Promise<TicketView> {
    const ticket = await this.store.get(userId, ticketId);
    if (!ticket) throw new DomainError(MATCHING_ERRORS.TICKET_NOT_FOUND, 'No such ticket');
    return toView(ticket);
  }

  /** Cancelling a ticket that is in a pair declines the pair. */
  async cancel(userId: string, ticketId: string): Promise<void> {
    const reply = await this.store.cancel(userId, ticketId);
    if (!reply) throw new DomainError(MATCHING_ERRORS.TICKET_NOT_FOUND, 'No such ticket');
    this.metrics.paired(reply.paired);
  }

  async confirm(userId: string, matchId: string, accept: boolean): Promise<ConfirmAnswer> {
    const reply = await this.store.confirm(userId, matchId, accept);
    if (!reply) {
      throw new DomainError(MATCHING_ERRORS.QUEUE_MATCH_NOT_FOUND, 'You are not in this pair');
    }
    if (reply.answer) this.metrics.answered(reply.answer);
    this.metrics.paired(reply.paired);
    return reply.status === 'ready'
      ? { status: 'ready', sessionId: reply.sessionId }
      : { status: reply.status };
  }

  /**
   * The token was checked before the ticket was made; a suspension applied in between found no
   * ticket to end. Its consumer ends tickets again after it commits, so one of the two sees the
   * other: either this check sees the suspension, or the consumer sees the ticket. Read where
   * the token check reads (Redis, written after the commit and before that second withdrawal).
   */
  private async withdrawIfSuspendedMeanwhile(userId: string): Promise<void> {
    const { standing } = await this.access.known(userId);
    if (!standing || !isSuspendedAt(standing, new Date())) return;
    this.metrics.paired(await this.store.withdraw(userId));
    throw accountSuspendedError(401, standing);
  }
}
