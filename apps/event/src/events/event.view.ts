import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EventCategory, EventStatus } from '@rendezvous/contracts';
import { EVENT_STATUSES } from '@rendezvous/contracts';
import { EventLocationDto } from './dto/event-location.dto';
import {
  CAPACITY_PROPERTY,
  CATEGORY_PROPERTY,
  DESCRIPTION_PROPERTY,
  TAGS_PROPERTY,
  TITLE_PROPERTY,
} from './event-properties';

/** The event object of API.md. */
export class EventView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(TITLE_PROPERTY)
  title: string;

  @ApiProperty({ ...DESCRIPTION_PROPERTY, description: 'empty when there is none' })
  description: string;

  @ApiProperty(CATEGORY_PROPERTY)
  category: EventCategory;

  @ApiProperty(TAGS_PROPERTY)
  tags: string[];

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ type: EventLocationDto })
  location: EventLocationDto;

  @ApiProperty(CAPACITY_PROPERTY)
  capacity: number;

  @ApiProperty({ format: 'uuid' })
  organizerId: string;

  @ApiProperty({ enum: EVENT_STATUSES })
  status: EventStatus;

  @ApiProperty({ type: 'integer', minimum: 0 })
  registeredCount: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  waitlistedCount: number;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'km from `near` to two decimals; only in lists searched near a point',
  })
  distanceKm?: number;
}
