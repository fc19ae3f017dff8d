/** Allowed values and limits of events and registrations (API.md, Events). */
export const EVENT_CATEGORIES = [
  'networking',
  'workshop',
  'talk',
  'social',
  'sport',
  'study',
  'other',
] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const EVENT_LIMITS = {
  TITLE_MIN: 3,
  TITLE_MAX: 140,
  DESCRIPTION_MAX: 5000,
  TAGS_MAX_ITEMS: 10,
  TAG_MAX: 30,
  CAPACITY_MIN: 1,
  CAPACITY_MAX: 10_000,
  LOCATION_NAME_MAX: 200,
} as const;
