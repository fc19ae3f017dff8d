import {
  ACCOUNT_STATUSES,
  AUDIT_ACTIONS,
  DEAD_LETTER_STATUSES,
  EVENT_CATEGORIES,
  REPORT_REASONS,
  REPORT_STATUSES,
  ROLES,
  VENUE_CATEGORIES,
} from '@rendezvous/contracts/values';

/** Choice lists for filters and forms, from the values the contracts define. */
const choices = (values: readonly string[]) =>
  values.map((id) => ({
    id,
    name: id.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase()),
  }));

export const STATUS_CHOICES = choices(ACCOUNT_STATUSES);
export const ROLE_CHOICES = choices(ROLES);
export const REPORT_STATUS_CHOICES = choices(REPORT_STATUSES);
export const REPORT_REASON_CHOICES = choices(REPORT_REASONS);
export const EVENT_CATEGORY_CHOICES = choices(EVENT_CATEGORIES);
export const VENUE_CATEGORY_CHOICES = choices(VENUE_CATEGORIES);
export const DEAD_LETTER_STATUS_CHOICES = choices(DEAD_LETTER_STATUSES);
export const AUDIT_ACTION_CHOICES = AUDIT_ACTIONS.map((id) => ({ id, name: id }));
export const PAGE_SIZES = [10, 25, 50, 100];
