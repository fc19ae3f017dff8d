import type { Static } from '../events/schema-builder';
import {
  Closed,
  DateTime,
  defineEvent,
  Nullable,
  OneOf,
  Type,
  Uuid,
} from '../events/schema-builder';
import {
  AUDIT_ACTIONS,
  DECISION_ACTIONS,
  NOTE_MAX_LENGTH,
  REPORT_CONTEXT_TYPES,
  REPORT_REASONS,
} from './moderation-values';

/**
 * `report.created`; aggregate = the report. `recipientIds` names every moderator and admin, who
 * get the notification `moderation.report_created`. Details stay in the user service.
 * `subjectOpenReports` counts the open reports about the subject, this one included.
 */
export const REPORT_CREATED = defineEvent(
  1,
  Closed({
    reportId: Uuid(),
    reporterId: Uuid(),
    subjectUserId: Uuid(),
    reason: OneOf(REPORT_REASONS),
    context: Nullable(Closed({ type: OneOf(REPORT_CONTEXT_TYPES), id: Type.Optional(Uuid()) })),
    subjectOpenReports: Type.Integer({ minimum: 1 }),
    createdAt: DateTime(),
  }),
);
export type ReportCreatedData = Static<typeof REPORT_CREATED.data>;

/**
 * `report.decided`; aggregate = the report. For a warning `recipientIds` names the subject, who
 * gets the notification `account.warned` (`{ reason }`). The note stays in the user service.
 */
export const REPORT_DECIDED = defineEvent(
  1,
  Closed({
    reportId: Uuid(),
    subjectUserId: Uuid(),
    reason: OneOf(REPORT_REASONS),
    action: OneOf(DECISION_ACTIONS),
    status: OneOf(['actioned', 'dismissed']),
    decidedBy: Uuid(),
    decidedAt: DateTime(),
  }),
);
export type ReportDecidedData = Static<typeof REPORT_DECIDED.data>;

/**
 * `audit.recorded`: a moderator's or admin's action taken in another service, produced with its
 * effect; the user service appends it to the audit log. Aggregate = `objectId`, else the actor.
 */
export const AUDIT_RECORDED = defineEvent(
  1,
  Closed({
    actorId: Uuid(),
    action: OneOf(AUDIT_ACTIONS),
    subjectUserId: Type.Optional(Uuid()),
    objectId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: NOTE_MAX_LENGTH })),
    at: DateTime(),
  }),
);
export type AuditRecordedData = Static<typeof AUDIT_RECORDED.data>;
