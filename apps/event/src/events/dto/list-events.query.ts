import { ApiPropertyOptional } from '@nestjs/swagger';
import type { EventCategory } from '@rendezvous/contracts';
import { EVENT_CATEGORIES, EVENT_LIMITS } from '@rendezvous/contracts';
import {
  Check,
  IsInstant,
  IsNumberIn,
  IsOneOf,
  IsText,
  ListQueryDto,
  Optional,
  QueryNumber,
} from '@rendezvous/platform';
import { parseNear } from '../geo';

export const DEFAULT_RADIUS_KM = 50;

const DECIMAL = String.raw`\s*[-+]?(\d+\.?\d*|\.\d+)\s*`;

export class ListEventsQuery extends ListQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'events starting at or after; default now',
  })
  @Optional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'events starting at or before' })
  @Optional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ enum: EVENT_CATEGORIES })
  @Optional()
  @IsOneOf(EVENT_CATEGORIES)
  category?: EventCategory;

  @ApiPropertyOptional({
    pattern: `^${DECIMAL},${DECIMAL}$`,
    example: '48.8566,2.3522',
    description: 'lat,lng (lat -90 to 90, lng -180 to 180); adds distanceKm to each event',
  })
  @Optional()
  @Check('isNear', (value) => {
    const near = parseNear(value);
    return typeof near === 'string' ? near : null;
  })
  near?: string;

  @ApiPropertyOptional({
    minimum: 0.1,
    maximum: 20000,
    default: DEFAULT_RADIUS_KM,
    description: 'with near only',
  })
  @Optional()
  @QueryNumber()
  @IsNumberIn(0.1, 20000)
  radiusKm?: number;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: EVENT_LIMITS.TITLE_MAX,
    example: 'rust',
    description: 'events whose title contains it, case-insensitively',
  })
  @Optional()
  @IsText(EVENT_LIMITS.TITLE_MAX, 1)
  q?: string;
}
