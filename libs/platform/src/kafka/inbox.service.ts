import { Injectable } from '@nestjs/common';
import type { Envelope } from '@rendezvous/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export type InboxResult<T> = { duplicate: true } | { duplicate: false; result: T };

/**
 * At-least-once delivery made harmless: the event id is recorded in the same transaction as
 * the handler's effect, so a redelivered event changes nothing. A concurrent second delivery
 * waits on the first one's insert and then sees the conflict.
 */
@Injectable()
export class InboxService {
  constructor(private readonly dataSource: DataSource) {}

  once<T>(event: Envelope, effect: (tx: EntityManager) => Promise<T>): Promise<InboxResult<T>> {
    return this.dataSource.transaction(async (tx) => {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO inbox (event_id, topic) VALUES ($1, $2)
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        [event.id, event.type],
      );
      if (inserted.length === 0) return { duplicate: true } as const;
      return { duplicate: false, result: await effect(tx) } as const;
    });
  }
}
