import type { ApiPropertyOptions } from '@nestjs/swagger';
import { USER_LIMITS } from '@rendezvous/contracts';
export {
  DATE_TIME,
  LANGUAGE_LIST,
  NULLABLE_DATE_TIME,
  TAG_LIST,
  UUID,
  nullableEnum,
} from '@rendezvous/platform';

// The user service's own schema pieces; the shared ones come from the platform.

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
