import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TOPICS } from '@rendezvous/contracts';
import { OutboxService } from '@rendezvous/platform';
import type { Queryable } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import { suspendedUserSql } from '../users/standing';
import type { ConnectionFacts } from './connection-rules';
import {
  connectionStatus,
  connectionStrength,
  connectionTypes,
  orderedPair,
} from './connection-rules';

export interface ConnectionRow {
  id: string;
  user_a: string;
  user_b: string;
  requester_id: string | null;
  request_accepted_at: Date | null;
  matched_at: Date | null;
  version: number;
  created_at: Date;
}

export function factsOf(row: ConnectionRow): ConnectionFacts {
  return {
    requesterId: row.requester_id,
    requestAccepted: row.request_accepted_at !== null,
    matched: row.matched_at !== null,
  };
}

export function otherParty(row: ConnectionRow, userId: string): string {
  return row.user_a === userId ? row.user_b : row.user_a;
}

/** Connection rows and their events; the aggregate is the connection with its version. */
@Injectable()
export class ConnectionsRepository {
  constructor(private readonly outbox: OutboxService) {}

  async lockPair(tx: EntityManager, a: string, b: string): Promise<ConnectionRow | undefined> {
    const [userA, userB] = orderedPair(a, b);
    const rows = (await tx.query(
      'SELECT * FROM connections WHERE user_a = $1 AND user_b = $2 FOR UPDATE',
      [userA, userB],
    )) as ConnectionRow[];
    return rows[0];
  }

  /** Inserts unless the pair already has a row (then undefined). */
  async insert(
    tx: EntityManager,
    a: string,
    b: string,
    fields: { requesterId?: string; matched?: boolean },
  ): Promise<ConnectionRow | undefined> {
    const [userA, userB] = orderedPair(a, b);
    const rows = (await tx.query(
      `INSERT INTO connections (id, user_a, user_b, requester_id, matched_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END)
       ON CONFLICT (user_a, user_b) DO NOTHING RETURNING *`,
      [randomUUID(), userA, userB, fields.requesterId ?? null, fields.matched ?? false],
    )) as ConnectionRow[];
    return rows[0];
  }

  async markAccepted(tx: EntityManager, id: string): Promise<ConnectionRow> {
    const [rows] = (await tx.query(
      `UPDATE connections SET request_accepted_at = now(), version = version + 1
       WHERE id = $1 RETURNING *`,
      [id],
    )) as [ConnectionRow[], number];
    return rows[0];
  }

  async markMatched(tx: EntityManager, id: string): Promise<ConnectionRow> {
    const [rows] = (await tx.query(
      'UPDATE connections SET matched_at = now(), version = version + 1 WHERE id = $1 RETURNING *',
      [id],
    )) as [ConnectionRow[], number];
    return rows[0];
  }

  /** Deletes the pair's row, publishing `connection.removed`; false when there was none. */
  async removePair(tx: EntityManager, actorId: string, otherId: string): Promise<boolean> {
    const [userA, userB] = orderedPair(actorId, otherId);
    const [rows] = (await tx.query(
      'DELETE FROM connections WHERE user_a = $1 AND user_b = $2 RETURNING *',
      [userA, userB],
    )) as [ConnectionRow[], number];
    for (const row of rows) await this.publishRemoved(tx, row, actorId);
    return rows.length > 0;
  }

  async removeAllOf(tx: EntityManager, userId: string): Promise<void> {
    const [rows] = (await tx.query(
      'DELETE FROM connections WHERE user_a = $1 OR user_b = $1 RETURNING *',
      [userId],
    )) as [ConnectionRow[], number];
    for (const row of rows) await this.publishRemoved(tx, row, userId);
  }

  async page(
    db: Queryable,
    userId: string,
    after: { key: string; id: string } | null,
    limit: number,
  ): Promise<ConnectionRow[]> {
    return (await db.query(
      `SELECT c.* FROM connections c
       JOIN users other ON other.id = CASE WHEN c.user_a = $1 THEN c.user_b ELSE c.user_a END
       WHERE (c.user_a = $1 OR c.user_b = $1)
         AND NOT ${suspendedUserSql('other')}
         AND ($2::timestamptz IS NULL OR (c.created_at, c.id) > ($2::timestamptz, $3::uuid))
       ORDER BY c.created_at, c.id LIMIT $4`,
      [userId, after?.key ?? null, after?.id ?? null, limit + 1],
    )) as ConnectionRow[];
  }

  /**
   * `recipientIds` only for person-to-person requests and accepts: the gateway notifies exactly
   * those people.
   */
  async publish(
    tx: EntityManager,
    type: 'connection.requested' | 'connection.accepted' | 'connection.removed',
    row: ConnectionRow,
    fromUserId: string,
    notify: boolean,
  ): Promise<void> {
    const toUserId = otherParty(row, fromUserId);
    const facts = factsOf(row);
    await this.outbox.add(tx, {
      type,
      aggregateId: row.id,
      aggregateVersion: row.version,
      ...(notify ? { recipientIds: [toUserId] } : {}),
      data: {
        connectionId: row.id,
        fromUserId,
        toUserId,
        status: connectionStatus(facts),
        types: connectionTypes(facts),
        strength: connectionStrength(facts),
      },
    });
  }

  private async publishRemoved(tx: EntityManager, row: ConnectionRow, actorId: string) {
    const toUserId = otherParty(row, actorId);
    await this.outbox.add(tx, {
      type: TOPICS.CONNECTION_REMOVED,
      aggregateId: row.id,
      aggregateVersion: row.version + 1,
      data: {
        connectionId: row.id,
        fromUserId: actorId,
        toUserId,
        // The status it had when removed; types and strength say it is gone.
        status: connectionStatus(factsOf(row)),
        types: [],
        strength: 0,
      },
    });
  }
}
