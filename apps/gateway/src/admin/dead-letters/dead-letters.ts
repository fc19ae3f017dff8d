import { Injectable } from '@nestjs/common';
import type { AuditAction, DeadLetterStatus } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError, TOPICS } from '@rendezvous/contracts';
import type { Cursor, Page, RedisOutboxArgs } from '@rendezvous/platform';
import { redisOutboxArgs } from '@rendezvous/platform';
import type { DeadLetterFilters, DeadLetterItem } from './dead-letter';
import { replayHeaders } from './dead-letter-message';
import { DeadLetterStore, toItem } from './dead-letter-store';
import type { DeadLetterShape } from './dead-letters.shapes';
import { readableValue } from './redact';

const AUDIT_ACTION: Record<Exclude<DeadLetterStatus, 'pending'>, AuditAction> = {
  replayed: 'dead_letter.replayed',
  discarded: 'dead_letter.discarded',
};

/** The admin's view of the DLQs and what they may do with a dead letter (API.md, Operations). */
@Injectable()
export class DeadLetters {
  constructor(private readonly store: DeadLetterStore) {}

  list(
    filters: DeadLetterFilters,
    limit: number,
    cursor: Cursor | null,
  ): Promise<Page<DeadLetterItem>> {
    return this.store.list(filters, limit, cursor);
  }

  async read(id: string): Promise<DeadLetterShape> {
    const record = await this.store.get(id);
    if (!record) throw new DomainError(COMMON_ERRORS.NOT_FOUND, 'No such dead letter');
    return {
      ...toItem(record),
      value: readableValue(record.value, record.originalTopic),
      headers: record.headers,
    };
  }

  /**
   * Replays or discards a pending dead letter: its status, the durable status event, the audit
   * event and (replay) the original message leave together from the Redis outbox.
   */
  async decide(
    id: string,
    status: Exclude<DeadLetterStatus, 'pending'>,
    actorId: string,
    note: string,
  ): Promise<DeadLetterItem> {
    const record = await this.store.get(id);
    if (!record) throw new DomainError(COMMON_ERRORS.NOT_FOUND, 'No such dead letter');
    const at = new Date().toISOString();
    const events: RedisOutboxArgs['args'][] = [
      redisOutboxArgs('gateway', {
        type: TOPICS.DEAD_LETTER_STATUS_CHANGED,
        aggregateId: id,
        aggregateVersion: 2,
        data: { deadLetterId: id, status, by: actorId, note, at },
      }).args,
      redisOutboxArgs('gateway', {
        type: TOPICS.AUDIT_RECORDED,
        aggregateId: id,
        aggregateVersion: 2,
        data: { actorId, action: AUDIT_ACTION[status], objectId: id, note, at },
      }).args,
    ];
    if (status === 'replayed') {
      events.push([
        record.originalTopic,
        record.key ?? '',
        record.value,
        JSON.stringify(replayHeaders(record)),
      ]);
    }
    const decision = await this.store.decide(id, status, events);
    if (decision.outcome === 'missing') {
      throw new DomainError(COMMON_ERRORS.NOT_FOUND, 'No such dead letter');
    }
    if (decision.outcome === 'decided') {
      throw new DomainError(
        COMMON_ERRORS.CONFLICT,
        `This dead letter was already ${decision.status}`,
      );
    }
    return toItem({ ...record, status });
  }
}
