import { ApiProperty } from '@nestjs/swagger';
import type {
  DecisionAction,
  ReportContext,
  ReportReason,
  ReportStatus,
} from '@rendezvous/contracts';
import {
  DECISION_ACTIONS,
  REPORT_CONTEXT_TYPES,
  REPORT_REASONS,
  REPORT_STATUSES,
} from '@rendezvous/contracts';
import { DATE_TIME, NULLABLE_DATE_TIME, UUID, nullableEnum } from '../common/api-schemas';
import type { QueueRow, ReportRow } from './reports.repository';

/** A report as its reporter sees it: never the decision or its note. */
export class OwnReportView {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty(UUID)
  subjectUserId: string;

  @ApiProperty({ enum: REPORT_REASONS })
  reason: ReportReason;

  @ApiProperty({ enum: REPORT_STATUSES })
  status: ReportStatus;

  @ApiProperty(DATE_TIME)
  createdAt: string;
}

/** A report as moderators see it (API.md, GET /admin/reports). */
export class QueueItem extends OwnReportView {
  @ApiProperty(UUID)
  reporterId: string;

  @ApiProperty({ type: String, nullable: true })
  details: string | null;

  @ApiProperty({
    type: 'object',
    nullable: true,
    selfRequired: true,
    required: ['type'],
    properties: {
      type: { type: 'string', enum: [...REPORT_CONTEXT_TYPES] },
      id: { type: 'string', format: 'uuid' },
    },
    description: 'where the reporter met the subject',
  })
  context: ReportContext | null;

  @ApiProperty(NULLABLE_DATE_TIME)
  decidedAt: string | null;

  @ApiProperty({ ...UUID, nullable: true })
  decidedBy: string | null;

  @ApiProperty(nullableEnum(DECISION_ACTIONS))
  action: DecisionAction | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'open reports about the subject' })
  subjectOpenReports: number;

  @ApiProperty({ description: 'the subject is hidden by reports from several people' })
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
