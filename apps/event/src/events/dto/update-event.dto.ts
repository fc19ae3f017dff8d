import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';
import type { EventCategory } from '@rendezvous/contracts';
import { EVENT_CATEGORIES, EVENT_LIMITS } from '@rendezvous/contracts';
import {
  Check,
  endsAtProblem,
  instantProblem,
  IsNumberIn,
  IsOneOf,
  IsPostableText,
  NestedObject,
  Nullable,
  startsAtProblem,
} from '@rendezvous/platform';
import { tagsProblem } from '../event-rules';
import { LOCATION_MESSAGE } from './create-event.dto';
import { EventLocationDto, trimmed } from './event-location.dto';

const sent = (_: object, value: unknown) => value !== undefined;

/**
 * PATCH /events/:id: any writable field; absent ones stay. `description` and `tags` may be
 * `null` to clear them; the others cannot be cleared. `location` is replaced whole.
 */
export class UpdateEventDto {
  @ApiPropertyOptional({ minLength: EVENT_LIMITS.TITLE_MIN, maxLength: EVENT_LIMITS.TITLE_MAX })
  @ValidateIf(sent)
  @Transform(trimmed)
  @IsPostableText(EVENT_LIMITS.TITLE_MAX, EVENT_LIMITS.TITLE_MIN)
  title?: string;

  @ApiPropertyOptional({ maxLength: EVENT_LIMITS.DESCRIPTION_MAX, nullable: true })
  @Nullable()
  @IsPostableText(EVENT_LIMITS.DESCRIPTION_MAX)
  description?: string | null;

  @ApiPropertyOptional({ enum: EVENT_CATEGORIES })
  @ValidateIf(sent)
  @IsOneOf(EVENT_CATEGORIES)
  category?: EventCategory;

  @ApiPropertyOptional({ type: [String], maxItems: EVENT_LIMITS.TAGS_MAX_ITEMS, nullable: true })
  @Nullable()
  @Check('isTagList', tagsProblem)
  tags?: string[] | null;

  @ApiPropertyOptional({ format: 'date-time', description: 'in the future, with a time zone' })
  @ValidateIf(sent)
  @Check('isFutureInstant', (value) => startsAtProblem(value))
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'after startsAt' })
  @ValidateIf(sent)
  @Check('isEndAfterStart', (value, dto) =>
    dto['startsAt'] === undefined ? instantProblem(value) : endsAtProblem(value, dto['startsAt']),
  )
  endsAt?: string;

  @ApiPropertyOptional({ type: EventLocationDto })
  @ValidateIf(sent)
  @NestedObject(() => EventLocationDto, LOCATION_MESSAGE)
  location?: EventLocationDto;

  @ApiPropertyOptional({
    minimum: EVENT_LIMITS.CAPACITY_MIN,
    maximum: EVENT_LIMITS.CAPACITY_MAX,
    description: 'not below the number of people registered; a raise promotes waiting people',
  })
  @ValidateIf(sent)
  @IsNumberIn(EVENT_LIMITS.CAPACITY_MIN, EVENT_LIMITS.CAPACITY_MAX, true)
  capacity?: number;
}
