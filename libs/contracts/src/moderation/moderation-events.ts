import type { EventSchema } from '../events/event-schema';
import type { AuditAction, DecisionAction, ReportContext, ReportReason } from './moderation-values';
import {
  AUDIT_ACTIONS,
  DECISION_ACTIONS,
  REPORT_CONTEXT_TYPES,
  REPORT_REASONS,
} from './moderation-values';

/**
 * `report.created`; aggregate = the report. `recipientIds` names every moderator and admin, who
 * get the notification `moderation.report_created`. Details stay in the user service.
 */
export interface ReportCreatedData {
  reportId: string;
  reporterId: string;
  subjectUserId: string;
  reason: ReportReason;
  context: ReportContext | null;
  /** Open reports about the subject, this one included. */
  subjectOpenReports: number;
  createdAt: string;
}

/**
 * `report.decided`; aggregate = the report. For a warning `recipientIds` names the subject, who
 * gets the notification `account.warned` (`{ reason }`). The note stays in the user service.
 */
export interface ReportDecidedData {
  reportId: string;
  subjectUserId: string;
  reason: ReportReason;
  action: DecisionAction;
  status: 'actioned' | 'dismissed';
  decidedBy: string;
  decidedAt: string;
}

/**
 * `audit.recorded`: a moderator's or admin's action taken in another service, produced with its
 * effect; the user service appends it to the audit log. Aggregate = `objectId`, else the actor.
 */
export interface AuditRecordedData {
  actorId: string;
  action: AuditAction;
  subjectUserId?: string;
  objectId?: string;
  note?: string;
  at: string;
}

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;

const REPORT_CREATED: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: [
      'reportId',
      'reporterId',
      'subjectUserId',
      'reason',
      'context',
      'subjectOpenReports',
      'createdAt',
    ],
    properties: {
      reportId: UUID,
      reporterId: UUID,
      subjectUserId: UUID,
      reason: { enum: REPORT_REASONS },
      context: {
        anyOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['type'],
            properties: { type: { enum: REPORT_CONTEXT_TYPES }, id: UUID },
          },
          { type: 'null' },
        ],
      },
      subjectOpenReports: { type: 'integer', minimum: 1 },
      createdAt: DATE_TIME,
    },
  },
};

const REPORT_DECIDED: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: ['reportId', 'subjectUserId', 'reason', 'action', 'status', 'decidedBy', 'decidedAt'],
    properties: {
      reportId: UUID,
      subjectUserId: UUID,
      reason: { enum: REPORT_REASONS },
      action: { enum: DECISION_ACTIONS },
      status: { enum: ['actioned', 'dismissed'] },
      decidedBy: UUID,
      decidedAt: DATE_TIME,
    },
  },
};

const AUDIT_RECORDED: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId', 'action', 'at'],
    properties: {
      actorId: UUID,
      action: { enum: AUDIT_ACTIONS },
      subjectUserId: UUID,
      objectId: { type: 'string', minLength: 1, maxLength: 200 },
      note: { type: 'string', minLength: 1, maxLength: 2000 },
      at: DATE_TIME,
    },
  },
};

export const MODERATION_EVENT_SCHEMAS = {
  'report.created': REPORT_CREATED,
  'report.decided': REPORT_DECIDED,
  'audit.recorded': AUDIT_RECORDED,
} as const;
