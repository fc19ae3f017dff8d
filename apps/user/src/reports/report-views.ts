import type {
  DecisionAction,
  ReportContext,
  ReportReason,
  ReportStatus,
} from '@rendezvous/contracts';
import type { QueueRow, ReportRow } from './reports.repository';

/** A report as its reporter sees it: never the decision or its note. */
export interface OwnReportView {
  id: string;
  subjectUserId: string;
  reason: ReportReason;
  status: ReportStatus;
  createdAt: string;
}

/** A report as moderators see it (API.md, GET /admin/reports). */
export interface QueueItem {
  id: string;
  reporterId: string;
  subjectUserId: string;
  reason: ReportReason;
  details: string | null;
  context: ReportContext | null;
  status: ReportStatus;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  action: DecisionAction | null;
  subjectOpenReports: number;
  autoHidden: boolean;
}

export function toOwnReportView(row: ReportRow): OwnReportView {
  return {
    id: row.id,
    subjectUserId: row.subject_user_id,
    reason: row.reason,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

export function toQueueItem(row: QueueRow): QueueItem {
  return {
    id: row.id,
    reporterId: row.reporter_id,
    subjectUserId: row.subject_user_id,
    reason: row.reason,
    details: row.details,
    context: row.context,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by,
    action: row.action,
    subjectOpenReports: row.subject_open_reports,
    autoHidden: row.auto_hidden,
  };
}
