import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { LANGUAGE_LIST, TAG_LIST, nullableEnum, nullableLocation } from '../../common/api-schemas';
import { birthDateProblem, locationProblem } from '../profile';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** PATCH /users/me: `name` and the writable profile fields; `null` clears an optional one. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: USER_LIMITS.NAME_MAX, description: 'trimmed' })
  @Optional()
  @Transform(trimmed)
  @IsPostableText(USER_LIMITS.NAME_MAX, 1)
  name?: string;

  @ApiPropertyOptional({ type: String, maxLength: USER_LIMITS.BIO_MAX, nullable: true })
  @Nullable()
  @IsPostableText(USER_LIMITS.BIO_MAX)
  bio?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: USER_LIMITS.HEADLINE_MAX, nullable: true })
  @Nullable()
  @IsPostableText(USER_LIMITS.HEADLINE_MAX)
  headline?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'YYYY-MM-DD, at least 18 years ago',
  })
  @Nullable()
  @Check('isAdultBirthDate', (value) => birthDateProblem(value))
  birthDate?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: USER_LIMITS.INDUSTRY_MAX, nullable: true })
  @Nullable()
  @Transform(trimmed)
  @IsText(USER_LIMITS.INDUSTRY_MAX)
  industry?: string | null;

  @ApiPropertyOptional(nullableEnum(JOB_LEVELS))
  @Nullable()
  @IsOneOf(JOB_LEVELS)
  jobLevel?: JobLevel | null;

  @ApiPropertyOptional({ type: String, maxLength: USER_LIMITS.COMPANY_MAX, nullable: true })
  @Nullable()
  @Transform(trimmed)
  @IsText(USER_LIMITS.COMPANY_MAX)
  company?: string | null;

  @ApiPropertyOptional(nullableEnum(COMPANY_SIZES))
  @Nullable()
  @IsOneOf(COMPANY_SIZES)
  companySize?: CompanySize | null;

  @ApiPropertyOptional({ ...TAG_LIST, nullable: true, description: 'null clears the list' })
  @Nullable()
  @IsTextList(USER_LIMITS.LIST_MAX_ITEMS, USER_LIMITS.LIST_ITEM_MAX)
  interests?: string[] | null;

  @ApiPropertyOptional({ ...TAG_LIST, nullable: true, description: 'null clears the list' })
  @Nullable()
  @IsTextList(USER_LIMITS.LIST_MAX_ITEMS, USER_LIMITS.LIST_ITEM_MAX)
  skills?: string[] | null;

  @ApiPropertyOptional({ ...LANGUAGE_LIST, nullable: true, description: 'null clears the list' })
  @Nullable()
  @IsLanguageList(ISO_639_1_CODES.length)
  languages?: string[] | null;

  @ApiProperty(nullableLocation(false))
  @Nullable()
  @Check('isLocation', (value) => locationProblem(value))
  location?: UserLocation | null;
}
