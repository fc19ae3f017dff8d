import { ApiProperty } from '@nestjs/swagger';
import type {
  CompanySize,
  JobLevel,
  MatchingWeights,
  MeetingType,
  NetworkingGoal,
  Role,
  UserLocation,
  UserPreferencesData,
  UserProfileData,
} from '@rendezvous/contracts';
import {
  COMPANY_SIZES,
  JOB_LEVELS,
  MEETING_TYPES,
  NETWORKING_GOALS,
  ROLES,
  USER_LIMITS,
  WEIGHT_KEYS,
} from '@rendezvous/contracts';
import {
  DATE_TIME,
  LANGUAGE_LIST,
  NULLABLE_DATE_TIME,
  TAG_LIST,
  UUID,
  nullableEnum,
  nullableLocation,
} from '../common/api-schemas';

/** The profile as its owner sees it, exact location included. */
export class UserProfileView implements UserProfileData {
  @ApiProperty({ type: String, nullable: true, maxLength: USER_LIMITS.BIO_MAX })
  bio: string | null;

  @ApiProperty({ type: String, nullable: true, maxLength: USER_LIMITS.HEADLINE_MAX })
  headline: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  birthDate: string | null;

  @ApiProperty({ type: String, nullable: true, maxLength: USER_LIMITS.INDUSTRY_MAX })
  industry: string | null;

  @ApiProperty(nullableEnum(JOB_LEVELS))
  jobLevel: JobLevel | null;

  @ApiProperty({ type: String, nullable: true, maxLength: USER_LIMITS.COMPANY_MAX })
  company: string | null;

  @ApiProperty(nullableEnum(COMPANY_SIZES))
  companySize: CompanySize | null;

  @ApiProperty(TAG_LIST)
  interests: string[];

  @ApiProperty(TAG_LIST)
  skills: string[];

  @ApiProperty(LANGUAGE_LIST)
  languages: string[];

  @ApiProperty(nullableLocation(true))
  location: UserLocation | null;

  @ApiProperty({ ...NULLABLE_DATE_TIME, description: 'moves at login and refresh, hourly at most' })
  lastActiveAt: string | null;
}

const WEIGHT = { type: 'number', minimum: 0, maximum: 1 } as const;

export class UserPreferencesView implements UserPreferencesData {
  @ApiProperty({ type: 'integer', minimum: USER_LIMITS.MIN_AGE, maximum: USER_LIMITS.MAX_AGE })
  ageMin: number;

  @ApiProperty({ type: 'integer', minimum: USER_LIMITS.MIN_AGE, maximum: USER_LIMITS.MAX_AGE })
  ageMax: number;

  @ApiProperty({ minimum: USER_LIMITS.DISTANCE_KM_MIN, maximum: USER_LIMITS.DISTANCE_KM_MAX })
  distanceKm: number;

  @ApiProperty({ type: [String] })
  industries: string[];

  @ApiProperty({ enum: JOB_LEVELS, isArray: true })
  jobLevels: JobLevel[];

  @ApiProperty({ enum: COMPANY_SIZES, isArray: true })
  companySizes: CompanySize[];

  @ApiProperty({ type: [String] })
  interests: string[];

  @ApiProperty({ enum: NETWORKING_GOALS, isArray: true })
  networkingGoals: NetworkingGoal[];

  @ApiProperty({ enum: MEETING_TYPES, isArray: true })
  meetingTypes: MeetingType[];

  @ApiProperty(LANGUAGE_LIST)
  languages: string[];

  @ApiProperty()
  excludeColleagues: boolean;

  @ApiProperty({
    type: 'object',
    nullable: true,
    selfRequired: true,
    required: [...WEIGHT_KEYS],
    properties: Object.fromEntries(WEIGHT_KEYS.map((key) => [key, WEIGHT])),
    description: 'normalised to sum 1; null: the matching service’s configured weights',
  })
  weights: MatchingWeights | null;
}

/** The user object of API.md, only ever shown to the person themselves. */
export class UserObject {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ type: String, format: 'email' })
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: UserProfileView })
  profile: UserProfileView;

  @ApiProperty({ type: UserPreferencesView })
  preferences: UserPreferencesView;

  @ApiProperty(DATE_TIME)
  createdAt: string;
}
