import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@rendezvous/contracts';
import type { Cursor, Queryable } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import type { AuditEntry } from './audit-entry';

interface AuditRow {
  id: string;
  actor_id: string;
  action: AuditAction;
  subject_user_id: string | null;
  object_id: string | null;
  note: string | null;
  at: Date;
}

export interface NewAuditEntry {
  /** The `audit.recorded` event's id, so a redelivery adds nothing; a fresh id otherwise. */
  id?: string;
  actorId: string;
  action: AuditAction;
  subjectUserId?: string;
  objectId?: string;
  note?: string;
  /** When the action took effect elsewhere; the transaction's time otherwise. */
  at?: string;
}

export interface AuditFilters {
  actorId?: string;
  subjectUserId?: string;
  action?: AuditAction;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    actorId: row.actor_id,
    action: row.action,
    ...(row.subject_user_id ? { subjectUserId: row.subject_user_id } : {}),
    ...(row.object_id ? { objectId: row.object_id } : {}),
    ...(row.note ? { note: row.note } : {}),
    at: row.at.toISOString(),
  };
}

/** The append-only audit log: entries are added, never changed (a trigger refuses it too). */
@Injectable()
export class AuditLogRepository {
  async append(tx: EntityManager, entry: NewAuditEntry): Promise<void> {
    await tx.query(
      `INSERT INTO audit_log (id, actor_id, action, subject_user_id, object_id, note, at)
       VALUES ($1, $2, $3, $4, $5, $6,
         date_trunc('milliseconds', COALESCE($7::timestamptz, now())))
       ON CONFLICT (id) DO NOTHING`,
      [
        entry.id ?? randomUUID(),
        entry.actorId,
        entry.action,
        entry.subjectUserId ?? null,
        entry.objectId ?? null,
        entry.note ?? null,
        entry.at ?? null,
      ],
    );
  }

  /** Newest first. */
  async page(
    db: Queryable,
    filters: AuditFilters,
    after: Cursor | null,
    limit: number,
  ): Promise<AuditRow[]> {
    return (await db.query(
      `SELECT * FROM audit_log
       WHERE ($1::uuid IS NULL OR actor_id = $1)
         AND ($2::uuid IS NULL OR subject_user_id = $2)
         AND ($3::text IS NULL OR action = $3)
         AND ($4::timestamptz IS NULL OR (at, id) < ($4::timestamptz, $5::uuid))
       ORDER BY at DESC, id DESC LIMIT $6`,
      [
        filters.actorId ?? null,
        filters.subjectUserId ?? null,
        filters.action ?? null,
        after?.key ?? null,
        after?.id ?? null,
        limit + 1,
      ],
    )) as AuditRow[];
  }

  /** The latest entries about a person, newest first. */
  async about(db: Queryable, subjectUserId: string, limit: number): Promise<AuditEntry[]> {
    const rows = (await db.query(
      `SELECT * FROM audit_log WHERE subject_user_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
      [subjectUserId, limit],
    )) as AuditRow[];
    return rows.map(toAuditEntry);
  }
}

export const auditCursor = (row: AuditRow): Cursor => ({ key: row.at.toISOString(), id: row.id });
