import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VenueCategory } from '@rendezvous/contracts';
import { VENUE_CATEGORIES } from '@rendezvous/contracts';
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

/** POST /venues: the venue's fields. */
export class CreateVenueDto {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsText(100, 1)
  name: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
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

  @ApiProperty({ minimum: 1, maximum: 4, description: '1 (cheap) to 4' })
  @IsNumberIn(1, 4, true)
  priceLevel: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 5, nullable: true })
  @Nullable()
  @IsNumberIn(0, 5)
  rating?: number | null;

  @ApiPropertyOptional({ minimum: 1, default: DEFAULT_CAPACITY })
  @Optional()
  @IsNumberIn(1, MAX_CAPACITY, true)
  capacity?: number;
}

/** PATCH /venues/:id: any of the venue's fields. */
export class UpdateVenueDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @Optional()
  @IsText(100, 1)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
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

  @ApiPropertyOptional({ minimum: 1, maximum: 4 })
  @Optional()
  @IsNumberIn(1, 4, true)
  priceLevel?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 5, nullable: true })
  @Nullable()
  @IsNumberIn(0, 5)
  rating?: number | null;

  @ApiPropertyOptional({ minimum: 1 })
  @Optional()
  @IsNumberIn(1, MAX_CAPACITY, true)
  capacity?: number;
}

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

export class ListVenuesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: '48.8566,2.3522', description: 'nearest first from here' })
  @Optional()
  @Check('near', nearProblem)
  near?: string;

  @ApiPropertyOptional({ enum: VENUE_CATEGORIES })
  @Optional()
  @IsOneOf(VENUE_CATEGORIES)
  category?: VenueCategory;
}

export class InteractionDto {
  @ApiProperty({ enum: ['view', 'interest', 'like'] })
  @IsOneOf(['view', 'interest', 'like'])
  type: 'view' | 'interest' | 'like';

  @ApiPropertyOptional({ minimum: 0, maximum: 86_400, default: 0 })
  @Optional()
  @IsNumberIn(0, 86_400, true)
  dwellSeconds?: number;
}
