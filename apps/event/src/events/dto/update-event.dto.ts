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
import {
  CAPACITY_PROPERTY,
  CATEGORY_PROPERTY,
  DESCRIPTION_PROPERTY,
  TAGS_PROPERTY,
  TITLE_PROPERTY,
} from '../event-properties';
import { LOCATION_MESSAGE } from './create-event.dto';
import { EventLocationDto, trimmed } from './event-location.dto';

const sent = (_: object, value: unknown) => value !== undefined;

/**
 * PATCH /events/:id: any writable field; absent ones stay. `description` and `tags` may be
 * `null` to clear them; the others cannot be cleared. `location` is replaced whole.
 */
export class UpdateEventDto {
  @ApiPropertyOptional(TITLE_PROPERTY)
  @ValidateIf(sent)
  @Transform(trimmed)
  @IsPostableText(EVENT_LIMITS.TITLE_MAX, EVENT_LIMITS.TITLE_MIN)
  title?: string;

  @ApiPropertyOptional({ ...DESCRIPTION_PROPERTY, nullable: true, description: 'null clears it' })
  @Nullable()
  @IsPostableText(EVENT_LIMITS.DESCRIPTION_MAX)
  description?: string | null;

  @ApiPropertyOptional(CATEGORY_PROPERTY)
  @ValidateIf(sent)
  @IsOneOf(EVENT_CATEGORIES)
  category?: EventCategory;

  @ApiPropertyOptional({ ...TAGS_PROPERTY, nullable: true, description: 'null clears them' })
  @Nullable()
  @Check('isTagList', tagsProblem)
  tags?: string[] | null;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'in the future, with a time zone',
    example: '2030-06-01T18:30:00Z',
  })
  @ValidateIf(sent)
  @Check('isFutureInstant', (value) => startsAtProblem(value))
  startsAt?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'after startsAt (the one sent, else the current one)',
    example: '2030-06-01T20:30:00Z',
  })
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
    ...CAPACITY_PROPERTY,
    description: 'not below the number of people registered; a raise promotes waiting people',
  })
  @ValidateIf(sent)
  @IsNumberIn(EVENT_LIMITS.CAPACITY_MIN, EVENT_LIMITS.CAPACITY_MAX, true)
  capacity?: number;
}

/** A valid PATCH /events/:id body, shown in the documentation. */
export const UPDATE_EVENT_EXAMPLE = {
  title: 'Rust networking night: second edition',
  description: null,
  capacity: 80,
} satisfies UpdateEventDto;
