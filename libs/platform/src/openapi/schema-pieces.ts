import type { ApiPropertyOptions } from '@nestjs/swagger';
import { ISO_639_1_CODES, USER_LIMITS } from '@rendezvous/contracts';

// Schema pieces every app's request and response classes share, so each is written once.

/** OpenAPI 3.0 lets `null` through an enum only when the enum lists it. */
export function nullableEnum(values: readonly string[]): ApiPropertyOptions {
  return { enum: [...values, null], nullable: true };
}

export const DATE_TIME: ApiPropertyOptions = { type: String, format: 'date-time' };

export const NULLABLE_DATE_TIME: ApiPropertyOptions = { ...DATE_TIME, nullable: true };

export const UUID: ApiPropertyOptions = { type: String, format: 'uuid' };

/** `interests`, `skills`: up to 20 items of 1 to 40 characters. */
export const TAG_LIST: ApiPropertyOptions = {
  type: 'array',
  maxItems: USER_LIMITS.LIST_MAX_ITEMS,
  items: { type: 'string', minLength: 1, maxLength: USER_LIMITS.LIST_ITEM_MAX },
};

/** ISO 639-1 codes. */
export const LANGUAGE_LIST: ApiPropertyOptions = {
  type: 'array',
  maxItems: ISO_639_1_CODES.length,
  items: { type: 'string', pattern: '^[a-z]{2}$', enum: [...ISO_639_1_CODES] },
};
