import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import type { EventCategory } from '@rendezvous/contracts';
import { EVENT_CATEGORIES } from '@rendezvous/contracts';
import { Check, IsInstant, IsNumberIn, IsOneOf, Optional, QueryNumber } from '@rendezvous/platform';
import { parseNear } from '../geo';

export const DEFAULT_PAGE_SIZE = 20;
export const DEFAULT_RADIUS_KM = 50;

export class ListEventsQuery {
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

  @ApiPropertyOptional({ example: '48.8566,2.3522', description: 'lat,lng' })
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

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: DEFAULT_PAGE_SIZE })
  @Optional()
  @QueryNumber()
  @IsNumberIn(1, 100, true)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  cursor?: string;
}
