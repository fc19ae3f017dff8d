import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import type { EventCategory } from '@rendezvous/contracts';
import { EVENT_CATEGORIES, EVENT_LIMITS } from '@rendezvous/contracts';
import {
  Check,
  endsAtProblem,
  IsNumberIn,
  IsOneOf,
  IsPostableText,
  NestedObject,
  Nullable,
  Optional,
  startsAtProblem,
} from '@rendezvous/platform';
import { tagsProblem } from '../event-rules';
import {
  CAPACITY_PROPERTY,
  CATEGORY_PROPERTY,
  DESCRIPTION_PROPERTY,
  TAGS_PROPERTY,
  TITLE_PROPERTY,
} from '../event-properties';
import { EventLocationDto, trimmed } from './event-location.dto';

export const LOCATION_MESSAGE = 'location must be an object { name, lat, lng }';

/** POST /events: the writable fields; the caller becomes the organizer. */
export class CreateEventDto {
  @ApiProperty(TITLE_PROPERTY)
  @Transform(trimmed)
  @IsPostableText(EVENT_LIMITS.TITLE_MAX, EVENT_LIMITS.TITLE_MIN)
  title: string;

  @ApiPropertyOptional({
    ...DESCRIPTION_PROPERTY,
    nullable: true,
    description: 'null or absent: none',
  })
  @Nullable()
  @IsPostableText(EVENT_LIMITS.DESCRIPTION_MAX)
  description?: string | null;

  @ApiProperty(CATEGORY_PROPERTY)
  @IsOneOf(EVENT_CATEGORIES)
  category: EventCategory;

  @ApiPropertyOptional({ ...TAGS_PROPERTY, description: 'trimmed; repeats are dropped' })
  @Optional()
  @Check('isTagList', tagsProblem)
  tags?: string[];

  @ApiProperty({
    format: 'date-time',
    description: 'in the future, with a time zone',
    example: '2030-06-01T18:00:00Z',
  })
  @Check('isFutureInstant', (value) => startsAtProblem(value))
  startsAt: string;

  @ApiProperty({
    format: 'date-time',
    description: 'after startsAt',
    example: '2030-06-01T20:00:00Z',
  })
  @Check('isEndAfterStart', (value, dto) => endsAtProblem(value, dto['startsAt']))
  endsAt: string;

  @ApiProperty({ type: EventLocationDto })
  @NestedObject(() => EventLocationDto, LOCATION_MESSAGE)
  location: EventLocationDto;

  @ApiProperty(CAPACITY_PROPERTY)
  @IsNumberIn(EVENT_LIMITS.CAPACITY_MIN, EVENT_LIMITS.CAPACITY_MAX, true)
  capacity: number;
}

/** A valid POST /events body, shown in the documentation. */
export const CREATE_EVENT_EXAMPLE = {
  title: 'Rust networking night',
  description: 'Talks, then drinks.',
  category: 'networking',
  tags: ['rust', 'systems'],
  startsAt: '2030-06-01T18:00:00Z',
  endsAt: '2030-06-01T20:00:00Z',
  location: { name: 'Station F', lat: 48.8343, lng: 2.3713 },
  capacity: 50,
} satisfies CreateEventDto;
