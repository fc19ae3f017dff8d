import type { Static } from '../events/schema-builder';
import {
  Closed,
  DateTime,
  defineEvent,
  Keyed,
  Nullable,
  OneOf,
  Type,
  Uuid,
} from '../events/schema-builder';
import {
  COMPANY_SIZES,
  JOB_LEVELS,
  MEETING_TYPES,
  NETWORKING_GOALS,
  TIMESLOT_STATUSES,
  WEIGHT_KEYS,
} from './user-values';
import { ROLES } from './roles';

const STRINGS = Type.Array(Type.String());

const LOCATION = Closed({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  /** Absent when the person never gave one. */
  city: Type.Optional(Nullable(Type.String())),
});
export type UserLocation = Static<typeof LOCATION>;

/**
 * The writable profile; optional fields are `null` (lists `[]`) when unset. `birthDate` is
 * `YYYY-MM-DD`, `languages` ISO 639-1 codes. `location` is the exact home location: Kafka is
 * internal, the public profile shows only `city`.
 */
const PROFILE = Closed({
  bio: Nullable(Type.String()),
  headline: Nullable(Type.String()),
  birthDate: Nullable(Type.String({ format: 'date' })),
  industry: Nullable(Type.String()),
  jobLevel: Nullable(OneOf(JOB_LEVELS)),
  company: Nullable(Type.String()),
  companySize: Nullable(OneOf(COMPANY_SIZES)),
  interests: STRINGS,
  skills: STRINGS,
  languages: STRINGS,
  location: Nullable(LOCATION),
});
export type UserProfileData = Static<typeof PROFILE>;

/** `weights` are normalised to sum 1; `null` means the matching service's configured weights. */
const PREFERENCES = Closed({
  ageMin: Type.Integer(),
  ageMax: Type.Integer(),
  distanceKm: Type.Number(),
  industries: STRINGS,
  jobLevels: Type.Array(OneOf(JOB_LEVELS)),
  companySizes: Type.Array(OneOf(COMPANY_SIZES)),
  interests: STRINGS,
  networkingGoals: Type.Array(OneOf(NETWORKING_GOALS)),
  meetingTypes: Type.Array(OneOf(MEETING_TYPES)),
  languages: STRINGS,
  excludeColleagues: Type.Boolean(),
  weights: Nullable(Keyed(WEIGHT_KEYS, Type.Number({ minimum: 0, maximum: 1 }))),
});
export type UserPreferencesData = Static<typeof PREFERENCES>;

/**
 * `user.created` and `user.updated`: the person's whole state after the change (never email or
 * credentials). Aggregate = user id; `aggregateVersion` rises with every change of the user.
 */
export const USER_STATE = defineEvent(
  1,
  Closed({
    userId: Uuid(),
    name: Type.String(),
    role: OneOf(ROLES),
    profile: PROFILE,
    preferences: PREFERENCES,
    lastActiveAt: Nullable(DateTime()),
    createdAt: DateTime(),
  }),
);
export type UserStateData = Static<typeof USER_STATE.data>;

/** `user.deleted`: a tombstone; consumers drop everything they hold about the person. */
export const USER_DELETED = defineEvent(1, Closed({ userId: Uuid(), deletedAt: DateTime() }));
export type UserDeletedData = Static<typeof USER_DELETED.data>;

/** `user.blocked` / `user.unblocked`; aggregate = the blocker. */
export const USER_BLOCK = defineEvent(1, Closed({ blockerId: Uuid(), blockedId: Uuid() }));
export type UserBlockData = Static<typeof USER_BLOCK.data>;

/** `timeslot.created|updated|deleted`; aggregate = the timeslot, with its own version. */
export const TIMESLOT_STATE = defineEvent(
  1,
  Closed({
    timeslotId: Uuid(),
    userId: Uuid(),
    startsAt: DateTime(),
    endsAt: DateTime(),
    status: OneOf(TIMESLOT_STATUSES),
  }),
);
export type TimeslotEventData = Static<typeof TIMESLOT_STATE.data>;
