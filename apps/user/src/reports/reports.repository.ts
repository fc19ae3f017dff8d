import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  DecisionAction,
  ReportContext,
  ReportReason,
  ReportStatus,
} from '@rendezvous/contracts';
import type { Cursor, Queryable } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import { suspendedUserSql } from '../users/standing';

export interface ReportRow {
  id: string;
  reporter_id: string;
  subject_user_id: string;
  reason: ReportReason;
  details: string | null;
  context: ReportContext | null;
  status: ReportStatus;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  action: DecisionAction | null;
  note: string | null;
  auto_hidden: boolean;
}

/** A report with the number of open reports about its subject, for moderators. */
export type QueueRow = ReportRow & { subject_open_reports: number };

export interface NewReport {
  reporterId: string;
  subjectUserId: string;
  reason: ReportReason;
  details: string | null;
  context: ReportContext | null;
}

export interface QueueFilters {
  status: ReportStatus;
  reason?: ReportReason;
  subjectUserId?: string;
}

export const reportCursor = (row: ReportRow): Cursor => ({
  key: row.created_at.toISOString(),
  id: row.id,
});

const WITH_SUBJECT_OPEN = `r.*, (SELECT count(*)::int FROM reports o
  WHERE o.subject_user_id = r.subject_user_id AND o.status = 'open') AS subject_open_reports`;

@Injectable()
export class ReportsRepository {
  /**
   * Serialises everything about one subject's reports (filing, auto-hide, decisions) for the
   * rest of the transaction; taken before any row lock, so it cannot close a lock cycle.
   */
  async lockSubject(tx: EntityManager, subjectUserId: string): Promise<void> {
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('report-subject:' || $1, 0))", [
      subjectUserId,
    ]);
  }

  /** Undefined when the reporter already has an open report on the subject. */
  async insert(tx: EntityManager, report: NewReport): Promise<ReportRow | undefined> {
    const rows = (await tx.query(
      `INSERT INTO reports (id, reporter_id, subject_user_id, reason, details, context)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (reporter_id, subject_user_id) WHERE status = 'open' DO NOTHING
       RETURNING *`,
      [
        randomUUID(),
        report.reporterId,
        report.subjectUserId,
        report.reason,
        report.details,
        report.context,
      ],
    )) as ReportRow[];
    return rows[0];
  }

  /** Takes one of today's reports; `false` when the day's allowance is used up. */
  async takeDailyReport(
    tx: EntityManager,
    reporterId: string,
    day: string,
    perDay: number,
  ): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO report_usage (reporter_id, day, used) VALUES ($1, $2, 1)
       ON CONFLICT (reporter_id, day) DO UPDATE SET used = report_usage.used + 1
       WHERE report_usage.used < $3
       RETURNING used`,
      [reporterId, day, perDay],
    )) as unknown[];
    return rows.length > 0;
  }

  async hasOpen(tx: EntityManager, reporterId: string, subjectUserId: string): Promise<boolean> {
    const rows = (await tx.query(
      `SELECT 1 FROM reports WHERE reporter_id = $1 AND subject_user_id = $2 AND status = 'open'`,
      [reporterId, subjectUserId],
    )) as unknown[];
    return rows.length > 0;
  }

  async countOpenAbout(db: Queryable, subjectUserId: string): Promise<number> {
    const [row] = (await db.query(
      `SELECT count(*)::int AS open FROM reports WHERE subject_user_id = $1 AND status = 'open'`,
      [subjectUserId],
    )) as { open: number }[];
    return row.open;
  }

  /** Different people with an open report on the subject filed in the last `windowSeconds`. */
  async recentReporters(
    tx: EntityManager,
    subjectUserId: string,
    windowSeconds: number,
  ): Promise<number> {
    const [row] = (await tx.query(
      `SELECT count(DISTINCT reporter_id)::int AS reporters FROM reports
       WHERE subject_user_id = $1 AND status = 'open'
         AND created_at > now() - make_interval(secs => $2)`,
      [subjectUserId, windowSeconds],
    )) as { reporters: number }[];
    return row.reporters;
  }

  async markAutoHidden(
    tx: EntityManager,
    subjectUserId: string,
    windowSeconds: number,
  ): Promise<void> {
    await tx.query(
      `UPDATE reports SET auto_hidden = true
       WHERE subject_user_id = $1 AND status = 'open' AND NOT auto_hidden
         AND created_at > now() - make_interval(secs => $2)`,
      [subjectUserId, windowSeconds],
    );
  }

  /** A decision lifts the subject's auto-hide: none of their reports hides them any more. */
  async clearAutoHidden(tx: EntityManager, subjectUserId: string): Promise<void> {
    await tx.query(
      'UPDATE reports SET auto_hidden = false WHERE subject_user_id = $1 AND auto_hidden',
      [subjectUserId],
    );
  }

  async find(db: Queryable, id: string): Promise<ReportRow | undefined> {
    const rows = (await db.query('SELECT * FROM reports WHERE id = $1', [id])) as ReportRow[];
    return rows[0];
  }

  async lock(tx: EntityManager, id: string): Promise<ReportRow | undefined> {
    const rows = (await tx.query('SELECT * FROM reports WHERE id = $1 FOR UPDATE', [
      id,
    ])) as ReportRow[];
    return rows[0];
  }

  /** Decides an open report; undefined when it was decided already. */
  async decide(
    tx: EntityManager,
    id: string,
    decision: { action: DecisionAction; decidedBy: string; note: string },
  ): Promise<ReportRow | undefined> {
    const [rows] = (await tx.query(
      `UPDATE reports SET
         status = CASE WHEN $2 = 'dismiss' THEN 'dismissed' ELSE 'actioned' END,
         action = $2, decided_by = $3, note = $4,
         decided_at = date_trunc('milliseconds', now())
       WHERE id = $1 AND status = 'open' RETURNING *`,
      [id, decision.action, decision.decidedBy, decision.note],
    )) as [ReportRow[], number];
    return rows[0];
  }

  async findForQueue(db: Queryable, id: string): Promise<QueueRow | undefined> {
    const rows = (await db.query(`SELECT ${WITH_SUBJECT_OPEN} FROM reports r WHERE r.id = $1`, [
      id,
    ])) as QueueRow[];
    return rows[0];
  }

  /** The moderation queue: oldest first. */
  async pageQueue(
    db: Queryable,
    filters: QueueFilters,
    after: Cursor | null,
    limit: number,
  ): Promise<QueueRow[]> {
    return (await db.query(
      `SELECT ${WITH_SUBJECT_OPEN} FROM reports r
       WHERE r.status = $1
         AND ($2::text IS NULL OR r.reason = $2)
         AND ($3::uuid IS NULL OR r.subject_user_id = $3)
         AND ($4::timestamptz IS NULL OR (r.created_at, r.id) > ($4::timestamptz, $5::uuid))
       ORDER BY r.created_at, r.id LIMIT $6`,
      [
        filters.status,
        filters.reason ?? null,
        filters.subjectUserId ?? null,
        after?.key ?? null,
        after?.id ?? null,
        limit + 1,
      ],
    )) as QueueRow[];
  }

  /** The reporter's own reports, newest first. */
  async pageMine(
    db: Queryable,
    reporterId: string,
    after: Cursor | null,
    limit: number,
  ): Promise<ReportRow[]> {
    return (await db.query(
      `SELECT * FROM reports
       WHERE reporter_id = $1
         AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [reporterId, after?.key ?? null, after?.id ?? null, limit + 1],
    )) as ReportRow[];
  }

  /** Who is told of a new report: every moderator and admin who may act, never the subject. */
  async staffIds(db: Queryable, subjectUserId: string): Promise<string[]> {
    const rows = (await db.query(
      `SELECT u.id FROM users u
       WHERE u.role IN ('moderator', 'admin') AND u.deleted_at IS NULL AND u.id <> $1
         AND NOT ${suspendedUserSql('u')}
       ORDER BY u.id`,
      [subjectUserId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
