import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VenueCategory } from '@rendezvous/contracts';
import { VENUE_CATEGORIES } from '@rendezvous/contracts';
import { MAX_CAPACITY } from './venue.dto';

/** A venue (API.md, Venues and recommendations). */
export class Venue {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ enum: VENUE_CATEGORIES })
  category!: VenueCategory;

  @ApiProperty({ minimum: -90, maximum: 90 })
  lat!: number;

  @ApiProperty({ minimum: -180, maximum: 180 })
  lng!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 })
  priceLevel!: number;

  @ApiProperty({ type: Number, minimum: 0, maximum: 5, nullable: true })
  rating!: number | null;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_CAPACITY })
  capacity!: number;
}

/** A venue in `GET /venues`. */
export class ListedVenue extends Venue {
  @ApiPropertyOptional({ minimum: 0, description: 'km from `near`; only with `near`' })
  distanceKm?: number;
}
