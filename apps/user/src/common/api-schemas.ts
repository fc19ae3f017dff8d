import type { ApiPropertyOptions } from '@nestjs/swagger';
import { ISO_639_1_CODES, USER_LIMITS } from '@rendezvous/contracts';

// Schema pieces that request and response classes share, so a bound is written once.

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

const LAT = { type: 'number', minimum: -90, maximum: 90 } as const;
const LNG = { type: 'number', minimum: -180, maximum: 180 } as const;
const CITY = { type: 'string', maxLength: USER_LIMITS.CITY_MAX, nullable: true } as const;

/**
 * A person's home location, or `null`; `selfRequired` says whether the field itself must be
 * there. Inline rather than a `$ref`: OpenAPI 3.0's `nullable` does not reach into an `allOf`,
 * so a nullable reference would refuse `null`.
 */
export function nullableLocation(selfRequired: boolean): ApiPropertyOptions {
  return {
    type: 'object',
    nullable: true,
    selfRequired,
    required: ['lat', 'lng'],
    properties: { lat: LAT, lng: LNG, city: CITY },
  };
}

/** What admin views show of a location (API.md, location privacy). */
export const NULLABLE_CITY_ONLY_LOCATION: ApiPropertyOptions = {
  type: 'object',
  nullable: true,
  selfRequired: true,
  required: ['city'],
  properties: { city: CITY },
};
