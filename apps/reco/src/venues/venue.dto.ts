import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { InteractionType, VenueCategory } from '@rendezvous/contracts';
import { INTERACTION_TYPES, VENUE_CATEGORIES } from '@rendezvous/contracts';
import {
  Check,
  IsNumberIn,
  IsOneOf,
  IsText,
  ListQueryDto,
  Nullable,
  Optional,
} from '@rendezvous/platform';

export const DEFAULT_CAPACITY = 20;
export const MAX_CAPACITY = 1_000_000;
export const MAX_DWELL_SECONDS = 86_400;

/** POST /venues: the venue's fields. */
export class CreateVenueDto {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsText(100, 1)
  name: string;

  @ApiPropertyOptional({ type: String, maxLength: 2000, nullable: true })
  @Nullable()
  @IsText(2000)
  description?: string | null;

  @ApiProperty({ enum: VENUE_CATEGORIES })
  @IsOneOf(VENUE_CATEGORIES)
  category: VenueCategory;

  @ApiProperty({ minimum: -90, maximum: 90 })
  @IsNumberIn(-90, 90)
  lat: number;

  @ApiProperty({ minimum: -180, maximum: 180 })
  @IsNumberIn(-180, 180)
  lng: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4, description: '1 (cheap) to 4' })
  @IsNumberIn(1, 4, true)
  priceLevel: number;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 5, nullable: true })
  @Nullable()
  @IsNumberIn(0, 5)
  rating?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_CAPACITY,
    default: DEFAULT_CAPACITY,
  })
  @Optional()
  @IsNumberIn(1, MAX_CAPACITY, true)
  capacity?: number;
}

export const CREATE_VENUE_EXAMPLE: CreateVenueDto = {
  name: 'Café Lumière',
  description: 'Quiet tables and good coffee near the canal',
  category: 'cafe',
  lat: 48.8721,
  lng: 2.3652,
  priceLevel: 2,
  rating: 4.5,
  capacity: 30,
};

/** PATCH /venues/:id: any of the venue's fields. */
export class UpdateVenueDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @Optional()
  @IsText(100, 1)
  name?: string;

  @ApiPropertyOptional({ type: String, maxLength: 2000, nullable: true })
  @Nullable()
  @IsText(2000)
  description?: string | null;

  @ApiPropertyOptional({ enum: VENUE_CATEGORIES })
  @Optional()
  @IsOneOf(VENUE_CATEGORIES)
  category?: VenueCategory;

  @ApiPropertyOptional({ minimum: -90, maximum: 90 })
  @Optional()
  @IsNumberIn(-90, 90)
  lat?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180 })
  @Optional()
  @IsNumberIn(-180, 180)
  lng?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 4 })
  @Optional()
  @IsNumberIn(1, 4, true)
  priceLevel?: number;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 5, nullable: true })
  @Nullable()
  @IsNumberIn(0, 5)
  rating?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_CAPACITY })
  @Optional()
  @IsNumberIn(1, MAX_CAPACITY, true)
  capacity?: number;
}

export const UPDATE_VENUE_EXAMPLE: UpdateVenueDto = { rating: null, capacity: 40 };

/** `lat,lng` with both in range; the problem, or null when fine. */
export function nearProblem(value: unknown): string | null {
  if (typeof value === 'string' && parseNear(value)) return null;
  return 'must be "lat,lng" with lat from -90 to 90 and lng from -180 to 180';
}

export function parseNear(value: string): { lat: number; lng: number } | null {
  const parts = value.split(',');
  if (parts.length !== 2 || parts.some((part) => part.trim() === '')) return null;
  const [lat, lng] = parts.map(Number);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) return null;
  return { lat, lng };
}

// What `parseNear` reads, as clients write it; the ranges are checked there.
const NEAR_PATTERN =
  '^\\s*[-+]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*,\\s*[-+]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*$';

export class ListVenuesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    pattern: NEAR_PATTERN,
    example: '48.8566,2.3522',
    description: '`lat,lng` (lat −90..90, lng −180..180): nearest first from here',
  })
  @Optional()
  @Check('near', nearProblem)
  near?: string;

  @ApiPropertyOptional({ enum: VENUE_CATEGORIES })
  @Optional()
  @IsOneOf(VENUE_CATEGORIES)
  category?: VenueCategory;
}

export class InteractionDto {
  @ApiProperty({ enum: INTERACTION_TYPES })
  @IsOneOf(INTERACTION_TYPES)
  type: InteractionType;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_DWELL_SECONDS, default: 0 })
  @Optional()
  @IsNumberIn(0, MAX_DWELL_SECONDS, true)
  dwellSeconds?: number;
}

export const INTERACTION_EXAMPLE: InteractionDto = { type: 'like', dwellSeconds: 120 };
