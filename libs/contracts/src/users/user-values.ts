/** Allowed values of the enumerated profile and preference fields (API.md, Users). */
export const JOB_LEVELS = ['entry', 'mid', 'senior', 'lead', 'executive', 'founder'] as const;
export type JobLevel = (typeof JOB_LEVELS)[number];

export const COMPANY_SIZES = ['startup', 'small', 'medium', 'large', 'enterprise'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const NETWORKING_GOALS = [
  'career_growth',
  'mentorship',
  'collaboration',
  'investment',
  'hiring',
  'friendship',
] as const;
export type NetworkingGoal = (typeof NETWORKING_GOALS)[number];

export const MEETING_TYPES = ['coffee', 'lunch', 'virtual', 'events'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** The factors of the compatibility score a person may weight in their preferences. */
export const WEIGHT_KEYS = ['profile', 'interests', 'location', 'industry', 'activity'] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
export type MatchingWeights = Record<WeightKey, number>;

export const TIMESLOT_STATUSES = ['free', 'booked'] as const;
export type TimeslotStatus = (typeof TIMESLOT_STATUSES)[number];

/** Limits of the writable fields (API.md, Users: values and limits). */
export const USER_LIMITS = {
  NAME_MAX: 100,
  HEADLINE_MAX: 140,
  BIO_MAX: 1000,
  INDUSTRY_MAX: 60,
  COMPANY_MAX: 100,
  CITY_MAX: 100,
  LIST_MAX_ITEMS: 20,
  LIST_ITEM_MAX: 40,
  MIN_AGE: 18,
  MAX_AGE: 100,
  DISTANCE_KM_MIN: 1,
  DISTANCE_KM_MAX: 20000,
  WEIGHT_MAX: 10,
  PASSWORD_MIN: 8,
  PASSWORD_MAX: 128,
  EMAIL_MAX: 254,
} as const;
