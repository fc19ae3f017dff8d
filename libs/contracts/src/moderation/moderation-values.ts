/** Values of reports, decisions and the audit log (API.md, Safety and moderation). */
export const REPORT_REASONS = [
  'spam',
  'harassment',
  'fake_profile',
  'inappropriate_content',
  'scam',
  'underage',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_CONTEXT_TYPES = ['profile', 'match', 'event', 'plan', 'proximity'] as const;
export type ReportContextType = (typeof REPORT_CONTEXT_TYPES)[number];

export interface ReportContext {
  type: ReportContextType;
  id?: string;
}

export const REPORT_STATUSES = ['open', 'actioned', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const DECISION_ACTIONS = ['dismiss', 'warn', 'suspend', 'ban'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export const AUDIT_ACTIONS = [
  'report.dismissed',
  'report.warned',
  'report.suspended',
  'report.banned',
  'user.suspended',
  'user.banned',
  'user.reinstated',
  'user.role_changed',
  'event.cancelled',
  'venue.created',
  'venue.updated',
  'dead_letter.replayed',
  'dead_letter.discarded',
  'model.trained',
  'model.activated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The audit action a decision on a report is recorded as. */
export const DECISION_AUDIT_ACTION: Record<DecisionAction, AuditAction> = {
  dismiss: 'report.dismissed',
  warn: 'report.warned',
  suspend: 'report.suspended',
  ban: 'report.banned',
};

/** Bounds of moderator input. */
export const NOTE_MAX_LENGTH = 2000;
export const REPORT_DETAILS_MAX_LENGTH = 2000;
export const SUSPENSION_MAX_HOURS = 8760;
