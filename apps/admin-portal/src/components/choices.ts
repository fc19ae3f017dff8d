/** Choice lists for filters and forms, spelled as API.md spells the values. */
const choices = (values: readonly string[]) =>
  values.map((id) => ({
    id,
    name: id.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase()),
  }));

export const STATUS_CHOICES = choices(['active', 'suspended', 'banned']);
export const ROLE_CHOICES = choices(['user', 'moderator', 'admin']);
export const REPORT_STATUS_CHOICES = choices(['open', 'actioned', 'dismissed']);
export const REPORT_REASON_CHOICES = choices([
  'spam',
  'harassment',
  'fake_profile',
  'inappropriate_content',
  'scam',
  'underage',
  'other',
]);
export const EVENT_CATEGORY_CHOICES = choices([
  'networking',
  'workshop',
  'talk',
  'social',
  'sport',
  'study',
  'other',
]);
export const VENUE_CATEGORY_CHOICES = choices([
  'cafe',
  'bar',
  'restaurant',
  'music',
  'comedy',
  'karaoke',
  'sports',
  'coworking',
  'other',
]);
export const DEAD_LETTER_STATUS_CHOICES = choices(['pending', 'replayed', 'discarded']);
export const AUDIT_ACTION_CHOICES = [
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
].map((id) => ({ id, name: id }));
export const PAGE_SIZES = [10, 25, 50, 100];
