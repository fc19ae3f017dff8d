import { ApiPropertyOptional } from '@nestjs/swagger';

import type {
  CompanySize,
  JobLevel,
  MeetingType,
  NetworkingGoal,
  WeightKey,
} from '@rendezvous/contracts';
import {
  COMPANY_SIZES,
  ISO_639_1_CODES,
  JOB_LEVELS,
  MEETING_TYPES,
  NETWORKING_GOALS,
  USER_LIMITS,
  WEIGHT_KEYS,
} from '@rendezvous/contracts';
import {
  Check,
  IsBool,
  IsLanguageList,
  IsListOf,
  IsNumberIn,
  IsTextList,
  Nullable,
  Optional,
} from '@rendezvous/platform';
import { LANGUAGE_LIST, TAG_LIST } from '../../common/api-schemas';
import { DEFAULT_PREFERENCES, ageRangeProblem, weightsProblem } from '../preferences';

const WEIGHT = { type: 'number', minimum: 0, maximum: USER_LIMITS.WEIGHT_MAX } as const;

/** PUT /users/me/preferences: the whole set; omitted fields take their defaults. */
export class UpdatePreferencesDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: USER_LIMITS.MIN_AGE,
    maximum: USER_LIMITS.MAX_AGE,
    default: USER_LIMITS.MIN_AGE,
    description: 'at most ageMax',
  })
  @Optional()
  @IsNumberIn(USER_LIMITS.MIN_AGE, USER_LIMITS.MAX_AGE, true)
  @Check('ageMinNotAboveAgeMax', (value, object) =>
    ageRangeProblem(value, (object as UpdatePreferencesDto).ageMax),
  )
  ageMin?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: USER_LIMITS.MIN_AGE,
    maximum: USER_LIMITS.MAX_AGE,
    default: USER_LIMITS.MAX_AGE,
  })
  @Optional()
  @IsNumberIn(USER_LIMITS.MIN_AGE, USER_LIMITS.MAX_AGE, true)
  ageMax?: number;

  @ApiPropertyOptional({
    minimum: USER_LIMITS.DISTANCE_KM_MIN,
    maximum: USER_LIMITS.DISTANCE_KM_MAX,
    default: DEFAULT_PREFERENCES.distanceKm,
  })
  @Optional()
  @IsNumberIn(USER_LIMITS.DISTANCE_KM_MIN, USER_LIMITS.DISTANCE_KM_MAX)
  distanceKm?: number;

  @ApiPropertyOptional({
    type: 'array',
    maxItems: USER_LIMITS.LIST_MAX_ITEMS,
    items: { type: 'string', minLength: 1, maxLength: USER_LIMITS.INDUSTRY_MAX },
    default: [],
  })
  @Optional()
  @IsTextList(USER_LIMITS.LIST_MAX_ITEMS, USER_LIMITS.INDUSTRY_MAX)
  industries?: string[];

  @ApiPropertyOptional({ enum: JOB_LEVELS, isArray: true, default: [] })
  @Optional()
  @IsListOf(JOB_LEVELS)
  jobLevels?: JobLevel[];

  @ApiPropertyOptional({ enum: COMPANY_SIZES, isArray: true, default: [] })
  @Optional()
  @IsListOf(COMPANY_SIZES)
  companySizes?: CompanySize[];

  @ApiPropertyOptional({ ...TAG_LIST, default: [] })
  @Optional()
  @IsTextList(USER_LIMITS.LIST_MAX_ITEMS, USER_LIMITS.LIST_ITEM_MAX)
  interests?: string[];

  @ApiPropertyOptional({ enum: NETWORKING_GOALS, isArray: true, default: [] })
  @Optional()
  @IsListOf(NETWORKING_GOALS)
  networkingGoals?: NetworkingGoal[];

  @ApiPropertyOptional({ enum: MEETING_TYPES, isArray: true, default: [] })
  @Optional()
  @IsListOf(MEETING_TYPES)
  meetingTypes?: MeetingType[];

  @ApiPropertyOptional({ ...LANGUAGE_LIST, default: [] })
  @Optional()
  @IsLanguageList(ISO_639_1_CODES.length)
  languages?: string[];

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBool()
  excludeColleagues?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    nullable: true,
    minProperties: 1,
    properties: Object.fromEntries(WEIGHT_KEYS.map((key) => [key, WEIGHT])),
    description: 'each 0..10, not all zero; stored normalised to sum 1; null: the defaults',
  })
  @Nullable()
  @Check('isWeights', (value) => weightsProblem(value))
  weights?: Partial<Record<WeightKey, number>> | null;
}
