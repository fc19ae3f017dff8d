import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { VenueCategory } from '@rendezvous/contracts';
import { VENUE_CATEGORIES } from '@rendezvous/contracts';
import { Check, IsNumberIn, IsOneOf, Optional, QueryNumber } from '@rendezvous/platform';

const pairedWith = (other: 'lat' | 'lng') => (_value: unknown, object: object) =>
  (object as Record<string, unknown>)[other] === undefined ? `must come with ${other}` : null;

class LimitQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @Optional()
  @QueryNumber()
  @IsNumberIn(1, 100, true)
  limit?: number;
}

class VenueFilters extends LimitQuery {
  @ApiPropertyOptional({ enum: VENUE_CATEGORIES })
  @Optional()
  @IsOneOf(VENUE_CATEGORIES)
  category?: VenueCategory;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 4 })
  @Optional()
  @QueryNumber()
  @IsNumberIn(1, 4, true)
  maxPriceLevel?: number;
}

export class RecoVenuesQueryDto extends VenueFilters {
  @ApiPropertyOptional({
    minimum: -90,
    maximum: 90,
    description: "with lng, instead of the caller's home",
  })
  @Optional()
  @QueryNumber()
  @IsNumberIn(-90, 90)
  @Check('pairedWith', pairedWith('lng'))
  lat?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180, description: 'with lat' })
  @Optional()
  @QueryNumber()
  @IsNumberIn(-180, 180)
  @Check('pairedWith', pairedWith('lat'))
  lng?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 20_038, description: 'ignored without a location' })
  @Optional()
  @QueryNumber()
  @IsNumberIn(0, 20_038)
  maxDistanceKm?: number;
}

export class RecoPeopleQueryDto extends LimitQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  venueId?: string;
}

export class MeetQueryDto extends VenueFilters {
  @ApiProperty({ format: 'uuid', description: 'the other person' })
  @IsUUID()
  with: string;
}
