import type { EventSchema, JsonSchema } from '../events/event-schema';
import type {
  CompanySize,
  JobLevel,
  MatchingWeights,
  MeetingType,
  NetworkingGoal,
  TimeslotStatus,
} from './user-values';
import {
  COMPANY_SIZES,
  JOB_LEVELS,
  MEETING_TYPES,
  NETWORKING_GOALS,
  TIMESLOT_STATUSES,
  WEIGHT_KEYS,
} from './user-values';
import type { Role } from './roles';
import { ROLES } from './roles';

export interface UserLocation {
  lat: number;
  lng: number;
  city: string | null;
}

/** The writable profile; optional fields are `null` (lists `[]`) when unset. */
export interface UserProfileData {
  bio: string | null;
  headline: string | null;
  /** `YYYY-MM-DD`. */
  birthDate: string | null;
  industry: string | null;
  jobLevel: JobLevel | null;
  company: string | null;
  companySize: CompanySize | null;
  interests: string[];
  skills: string[];
  /** ISO 639-1 codes. */
  languages: string[];
  /** Exact home location; Kafka is internal, the public profile shows only `city`. */
  location: UserLocation | null;
}

export interface UserPreferencesData {
  ageMin: number;
  ageMax: number;
  distanceKm: number;
  industries: string[];
  jobLevels: JobLevel[];
  companySizes: CompanySize[];
  interests: string[];
  networkingGoals: NetworkingGoal[];
  meetingTypes: MeetingType[];
  languages: string[];
  excludeColleagues: boolean;
  /** Normalised to sum 1; `null` means the matching service's configured weights. */
  weights: MatchingWeights | null;
}

/**
 * `user.created` and `user.updated`: the person's whole state after the change (never email or
 * credentials). Aggregate = user id; `aggregateVersion` rises with every change of the user.
 */
export interface UserStateData {
  userId: string;
  name: string;
  role: Role;
  profile: UserProfileData;
  preferences: UserPreferencesData;
  lastActiveAt: string | null;
  createdAt: string;
}

/** `user.deleted`: a tombstone; consumers drop everything they hold about the person. */
export interface UserDeletedData {
  userId: string;
  deletedAt: string;
}

/** `user.blocked` / `user.unblocked`; aggregate = the blocker. */
export interface UserBlockData {
  blockerId: string;
  blockedId: string;
}

/** `timeslot.created|updated|deleted`; aggregate = the timeslot, with its own version. */
export interface TimeslotEventData {
  timeslotId: string;
  userId: string;
  startsAt: string;
  endsAt: string;
  status: TimeslotStatus;
}

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const strings = { type: 'array', items: { type: 'string' } } as const;
const enumList = (values: readonly string[]) => ({ type: 'array', items: { enum: values } });

const PROFILE: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'bio',
    'headline',
    'birthDate',
    'industry',
    'jobLevel',
    'company',
    'companySize',
    'interests',
    'skills',
    'languages',
    'location',
  ],
  properties: {
    bio: nullable({ type: 'string' }),
    headline: nullable({ type: 'string' }),
    birthDate: nullable({ type: 'string', format: 'date' }),
    industry: nullable({ type: 'string' }),
    jobLevel: nullable({ enum: JOB_LEVELS }),
    company: nullable({ type: 'string' }),
    companySize: nullable({ enum: COMPANY_SIZES }),
    interests: strings,
    skills: strings,
    languages: strings,
    location: nullable({
      type: 'object',
      additionalProperties: false,
      required: ['lat', 'lng'],
      properties: {
        lat: { type: 'number', minimum: -90, maximum: 90 },
        lng: { type: 'number', minimum: -180, maximum: 180 },
        city: nullable({ type: 'string' }),
      },
    }),
  },
};

const PREFERENCES: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'ageMin',
    'ageMax',
    'distanceKm',
    'industries',
    'jobLevels',
    'companySizes',
    'interests',
    'networkingGoals',
    'meetingTypes',
    'languages',
    'excludeColleagues',
    'weights',
  ],
  properties: {
    ageMin: { type: 'integer' },
    ageMax: { type: 'integer' },
    distanceKm: { type: 'number' },
    industries: strings,
    jobLevels: enumList(JOB_LEVELS),
    companySizes: enumList(COMPANY_SIZES),
    interests: strings,
    networkingGoals: enumList(NETWORKING_GOALS),
    meetingTypes: enumList(MEETING_TYPES),
    languages: strings,
    excludeColleagues: { type: 'boolean' },
    weights: nullable({
      type: 'object',
      additionalProperties: false,
      required: [...WEIGHT_KEYS],
      properties: Object.fromEntries(
        WEIGHT_KEYS.map((key) => [key, { type: 'number', minimum: 0, maximum: 1 }]),
      ),
    }),
  },
};

const USER_STATE: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: ['userId', 'name', 'role', 'profile', 'preferences', 'lastActiveAt', 'createdAt'],
    properties: {
      userId: UUID,
      name: { type: 'string' },
      role: { enum: ROLES },
      profile: PROFILE,
      preferences: PREFERENCES,
      lastActiveAt: nullable(DATE_TIME),
      createdAt: DATE_TIME,
    },
  },
};

const USER_DELETED: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: ['userId', 'deletedAt'],
    properties: { userId: UUID, deletedAt: DATE_TIME },
  },
};

const USER_BLOCK: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: ['blockerId', 'blockedId'],
    properties: { blockerId: UUID, blockedId: UUID },
  },
};

const TIMESLOT: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: ['timeslotId', 'userId', 'startsAt', 'endsAt', 'status'],
    properties: {
      timeslotId: UUID,
      userId: UUID,
      startsAt: DATE_TIME,
      endsAt: DATE_TIME,
      status: { enum: TIMESLOT_STATUSES },
    },
  },
};

export const USER_EVENT_SCHEMAS = {
  'user.created': USER_STATE,
  'user.updated': USER_STATE,
  'user.deleted': USER_DELETED,
  'user.blocked': USER_BLOCK,
  'user.unblocked': USER_BLOCK,
  'timeslot.created': TIMESLOT,
  'timeslot.updated': TIMESLOT,
  'timeslot.deleted': TIMESLOT,
} as const;
