import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import type { CompanySize, JobLevel, UserLocation } from '@rendezvous/contracts';
import { COMPANY_SIZES, ISO_639_1_CODES, JOB_LEVELS, USER_LIMITS } from '@rendezvous/contracts';
import {
  Check,
  IsLanguageList,
  IsOneOf,
  IsPostableText,
  IsText,
  IsTextList,
  Nullable,
  Optional,
} from '@rendezvous/platform';
import { birthDateProblem, locationProblem } from '../profile';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

class LocationDoc {
  @ApiPropertyOptional({ minimum: -90, maximum: 90 })
  lat: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180 })
  lng: number;

  @ApiPropertyOptional({ maxLength: USER_LIMITS.CITY_MAX, nullable: true })
  city?: string | null;
}

/** PATCH /users/me: `name` and the writable profile fields; `null` clears an optional one. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: USER_LIMITS.NAME_MAX })
  @Optional()
  @Transform(trimmed)
  @IsPostableText(USER_LIMITS.NAME_MAX, 1)
  name?: string;

  @ApiPropertyOptional({ maxLength: USER_LIMITS.BIO_MAX, nullable: true })
  @Nullable()
  @IsPostableText(USER_LIMITS.BIO_MAX)
  bio?: string | null;

  @ApiPropertyOptional({ maxLength: USER_LIMITS.HEADLINE_MAX, nullable: true })
  @Nullable()
  @IsPostableText(USER_LIMITS.HEADLINE_MAX)
  headline?: string | null;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    description: 'YYYY-MM-DD, at least 18 years ago',
  })
  @Nullable()
  @Check('isAdultBirthDate', (value) => birthDateProblem(value))
  birthDate?: string | null;

  @ApiPropertyOptional({ maxLength: USER_LIMITS.INDUSTRY_MAX, nullable: true })
  @Nullable()
  @Transform(trimmed)
  @IsText(USER_LIMITS.INDUSTRY_MAX)
  industry?: string | null;

  @ApiPropertyOptional({ enum: JOB_LEVELS, nullable: true })
  @Nullable()
  @IsOneOf(JOB_LEVELS)
  jobLevel?: JobLevel | null;

  @ApiPropertyOptional({ maxLength: USER_LIMITS.COMPANY_MAX, nullable: true })
  @Nullable()
  @Transform(trimmed)
  @IsText(USER_LIMITS.COMPANY_MAX)
  company?: string | null;

  @ApiPropertyOptional({ enum: COMPANY_SIZES, nullable: true })
  @Nullable()
  @IsOneOf(COMPANY_SIZES)
  companySize?: CompanySize | null;

  @ApiPropertyOptional({ type: [String], maxItems: USER_LIMITS.LIST_MAX_ITEMS, nullable: true })
  @Nullable()
  @IsTextList(USER_LIMITS.LIST_MAX_ITEMS, USER_LIMITS.LIST_ITEM_MAX)
  interests?: string[] | null;

  @ApiPropertyOptional({ type: [String], maxItems: USER_LIMITS.LIST_MAX_ITEMS, nullable: true })
  @Nullable()
  @IsTextList(USER_LIMITS.LIST_MAX_ITEMS, USER_LIMITS.LIST_ITEM_MAX)
  skills?: string[] | null;

  @ApiPropertyOptional({
    type: [String],
    enum: ISO_639_1_CODES,
    description: 'ISO 639-1; null clears the list',
    nullable: true,
  })
  @Nullable()
  @IsLanguageList(ISO_639_1_CODES.length)
  languages?: string[] | null;

  @ApiPropertyOptional({ type: LocationDoc, nullable: true })
  @Nullable()
  @Check('isLocation', (value) => locationProblem(value))
  location?: UserLocation | null;
}
