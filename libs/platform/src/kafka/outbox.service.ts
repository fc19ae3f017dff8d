import { Inject, Injectable } from '@nestjs/common';
import type { ServiceName, Topic, TopicEnvelope } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';
import type { NewEvent } from './event-factory';
import { buildEnvelope, eventHeaders, publishableJson } from './event-factory';
import { SERVICE_NAME } from '../platform.tokens';

/**
 * Records events in the same transaction as the state change they describe; the relay
 * publishes them after commit. Call it with the transaction's EntityManager, never outside one.
 */
@Injectable()
export class OutboxService {
  constructor(@Inject(SERVICE_NAME) private readonly service: ServiceName) {}

  async add<T extends Topic>(tx: EntityManager, event: NewEvent<T>): Promise<TopicEnvelope<T>> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.add must run inside a transaction');
    }
    const envelope = buildEnvelope(this.service, event);
    const json = publishableJson(envelope);
    await tx.query(
      `INSERT INTO outbox (event_id, topic, message_key, envelope, headers)
       VALUES ($1, $2, $3, $4, $5)`,
      [envelope.id, envelope.type, envelope.aggregateId, json, eventHeaders(envelope)],
    );
    return envelope;
  }
}
