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
import { ageRangeProblem, weightsProblem } from '../preferences';

class WeightsDoc {
  @ApiPropertyOptional({ minimum: 0, maximum: 10 }) profile?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10 }) interests?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10 }) location?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10 }) industry?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10 }) activity?: number;
}

/** PUT /users/me/preferences: the whole set; omitted fields take their defaults. */
export class UpdatePreferencesDto {
  @ApiPropertyOptional({ minimum: USER_LIMITS.MIN_AGE, maximum: USER_LIMITS.MAX_AGE, default: 18 })
  @Optional()
  @IsNumberIn(USER_LIMITS.MIN_AGE, USER_LIMITS.MAX_AGE, true)
  @Check('ageMinNotAboveAgeMax', (value, object) =>
    ageRangeProblem(value, (object as UpdatePreferencesDto).ageMax),
  )
  ageMin?: number;

  @ApiPropertyOptional({ minimum: USER_LIMITS.MIN_AGE, maximum: USER_LIMITS.MAX_AGE, default: 100 })
  @Optional()
  @IsNumberIn(USER_LIMITS.MIN_AGE, USER_LIMITS.MAX_AGE, true)
  ageMax?: number;

  @ApiPropertyOptional({
    minimum: USER_LIMITS.DISTANCE_KM_MIN,
    maximum: USER_LIMITS.DISTANCE_KM_MAX,
    default: 50,
  })
  @Optional()
  @IsNumberIn(USER_LIMITS.DISTANCE_KM_MIN, USER_LIMITS.DISTANCE_KM_MAX)
  distanceKm?: number;

  @ApiPropertyOptional({ type: [String], default: [] })
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

  @ApiPropertyOptional({ type: [String], default: [] })
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

  @ApiPropertyOptional({ type: [String], enum: ISO_639_1_CODES, default: [] })
  @Optional()
  @IsLanguageList(ISO_639_1_CODES.length)
  languages?: string[];

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBool()
  excludeColleagues?: boolean;

  @ApiPropertyOptional({
    type: WeightsDoc,
    nullable: true,
    description: 'each 0..10, not all zero; stored normalised to sum 1',
  })
  @Nullable()
  @Check('isWeights', (value) => weightsProblem(value))
  weights?: Partial<Record<WeightKey, number>> | null;
}
