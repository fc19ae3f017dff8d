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
import { EventLocationDto, trimmed } from './event-location.dto';

export const LOCATION_MESSAGE = 'location must be an object { name, lat, lng }';

/** POST /events: the writable fields; the caller becomes the organizer. */
export class CreateEventDto {
  @ApiProperty({ minLength: EVENT_LIMITS.TITLE_MIN, maxLength: EVENT_LIMITS.TITLE_MAX })
  @Transform(trimmed)
  @IsPostableText(EVENT_LIMITS.TITLE_MAX, EVENT_LIMITS.TITLE_MIN)
  title: string;

  @ApiPropertyOptional({ maxLength: EVENT_LIMITS.DESCRIPTION_MAX, default: '', nullable: true })
  @Nullable()
  @IsPostableText(EVENT_LIMITS.DESCRIPTION_MAX)
  description?: string | null;

  @ApiProperty({ enum: EVENT_CATEGORIES })
  @IsOneOf(EVENT_CATEGORIES)
  category: EventCategory;

  @ApiPropertyOptional({
    type: [String],
    maxItems: EVENT_LIMITS.TAGS_MAX_ITEMS,
    description: `each 1–${EVENT_LIMITS.TAG_MAX} characters; repeats are dropped`,
  })
  @Optional()
  @Check('isTagList', tagsProblem)
  tags?: string[];

  @ApiProperty({ format: 'date-time', description: 'in the future, with a time zone' })
  @Check('isFutureInstant', (value) => startsAtProblem(value))
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'after startsAt' })
  @Check('isEndAfterStart', (value, dto) => endsAtProblem(value, dto['startsAt']))
  endsAt: string;

  @ApiProperty({ type: EventLocationDto })
  @NestedObject(() => EventLocationDto, LOCATION_MESSAGE)
  location: EventLocationDto;

  @ApiProperty({ minimum: EVENT_LIMITS.CAPACITY_MIN, maximum: EVENT_LIMITS.CAPACITY_MAX })
  @IsNumberIn(EVENT_LIMITS.CAPACITY_MIN, EVENT_LIMITS.CAPACITY_MAX, true)
  capacity: number;
}
