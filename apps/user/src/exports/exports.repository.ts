import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ExportStatus } from '@rendezvous/contracts';
import type { Queryable } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import type { ExportData, ExportRecord } from './export-rules';

interface ExportRow {
  id: string;
  user_id: string;
  status: ExportStatus;
  created_at: Date;
  ready_at: Date | null;
  expires_at: Date | null;
  data: ExportData | null;
}

export interface OwnedExport extends ExportRecord {
  userId: string;
}

function toRecord(row: ExportRow): OwnedExport {
  return {
    id: row.id,
    userId: row.user_id,
    status: row.status,
    createdAt: row.created_at,
    readyAt: row.ready_at,
    expiresAt: row.expires_at,
    data: row.data,
  };
}

/** Personal-data exports and the parts of pending ones: `exports`, `export_parts`. */
@Injectable()
export class ExportsRepository {
  /** The new pending export; `undefined` when the person already has one pending. */
  async insertPending(tx: EntityManager, userId: string): Promise<OwnedExport | undefined> {
    const rows = (await tx.query(
      `INSERT INTO exports (id, user_id) VALUES ($1, $2)
       ON CONFLICT (user_id) WHERE status = 'pending' DO NOTHING RETURNING *`,
      [randomUUID(), userId],
    )) as ExportRow[];
    return rows[0] && toRecord(rows[0]);
  }

  /** How many exports the person has asked for: the version of their `export.requested`. */
  async countOf(tx: EntityManager, userId: string): Promise<number> {
    const [row] = (await tx.query('SELECT count(*)::int AS n FROM exports WHERE user_id = $1', [
      userId,
    ])) as { n: number }[];
    return row.n;
  }

  async findOf(db: Queryable, id: string, userId: string): Promise<OwnedExport | undefined> {
    const rows = (await db.query('SELECT * FROM exports WHERE id = $1 AND user_id = $2', [
      id,
      userId,
    ])) as ExportRow[];
    return rows[0] && toRecord(rows[0]);
  }

  async lock(tx: EntityManager, id: string): Promise<OwnedExport | undefined> {
    const rows = (await tx.query('SELECT * FROM exports WHERE id = $1 FOR UPDATE', [
      id,
    ])) as ExportRow[];
    return rows[0] && toRecord(rows[0]);
  }

  /** Records a service's part once; a second copy of it changes nothing. */
  async addPart(
    tx: EntityManager,
    exportId: string,
    service: string,
    part: Record<string, unknown>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO export_parts (export_id, service, part) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (export_id, service) DO NOTHING`,
      [exportId, service, JSON.stringify(part)],
    );
  }

  async parts(tx: EntityManager, exportId: string): Promise<Map<string, Record<string, unknown>>> {
    const rows = (await tx.query('SELECT service, part FROM export_parts WHERE export_id = $1', [
      exportId,
    ])) as { service: string; part: Record<string, unknown> }[];
    return new Map(rows.map((row) => [row.service, row.part]));
  }

  /** The export becomes ready with its data; the parts it was assembled from go. */
  async markReady(
    tx: EntityManager,
    id: string,
    ready: { data: ExportData; readyAt: Date; expiresAt: Date },
  ): Promise<void> {
    await tx.query(
      `UPDATE exports SET status = 'ready', data = $2::jsonb, ready_at = $3, expires_at = $4
       WHERE id = $1`,
      [id, JSON.stringify(ready.data), ready.readyAt, ready.expiresAt],
    );
    await tx.query('DELETE FROM export_parts WHERE export_id = $1', [id]);
  }

  /**
   * Pending exports older than the deadline (of one person, or up to `limit` of anyone's) become
   * failed, and the parts they held go; returns how many.
   */
  async failOverdue(
    tx: EntityManager,
    timeoutSeconds: number,
    scope: { userId: string } | { limit: number },
  ): Promise<number> {
    const [row] = (await tx.query(
      `WITH overdue AS (
         SELECT id FROM exports
         WHERE status = 'pending' AND created_at <= now() - make_interval(secs => $1)
           AND ($2::uuid IS NULL OR user_id = $2)
         ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED
       ), failed AS (
         UPDATE exports SET status = 'failed' WHERE id IN (SELECT id FROM overdue) RETURNING id
       ), dropped AS (
         DELETE FROM export_parts WHERE export_id IN (SELECT id FROM failed)
       )
       SELECT count(*)::int AS n FROM failed`,
      [
        timeoutSeconds,
        'userId' in scope ? scope.userId : null,
        'limit' in scope ? scope.limit : null,
      ],
    )) as { n: number }[];
    return row.n;
  }

  /** Up to `limit` ready exports past their expiry become expired, their data dropped. */
  async expireOld(tx: EntityManager, limit: number): Promise<number> {
    const [row] = (await tx.query(
      `WITH old AS (
         SELECT id FROM exports WHERE status = 'ready' AND expires_at <= now()
         ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), expired AS (
         UPDATE exports SET status = 'expired', data = NULL WHERE id IN (SELECT id FROM old)
         RETURNING id
       )
       SELECT count(*)::int AS n FROM expired`,
      [limit],
    )) as { n: number }[];
    return row.n;
  }

  /** Account deletion: every export of the person goes at once, parts with them. */
  async deleteAllOf(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('DELETE FROM exports WHERE user_id = $1', [userId]);
  }
}
