import type { ApiPropertyOptions } from '@nestjs/swagger';
import { EVENT_CATEGORIES, EVENT_LIMITS } from '@rendezvous/contracts';

// The documented bounds of the writable fields, shared by the request bodies and the event object.

export const TITLE_PROPERTY = {
  type: String,
  minLength: EVENT_LIMITS.TITLE_MIN,
  maxLength: EVENT_LIMITS.TITLE_MAX,
  example: 'Rust networking night',
} satisfies ApiPropertyOptions;

export const DESCRIPTION_PROPERTY = {
  type: String,
  maxLength: EVENT_LIMITS.DESCRIPTION_MAX,
  example: 'Talks, then drinks.',
} satisfies ApiPropertyOptions;

export const CATEGORY_PROPERTY = { enum: EVENT_CATEGORIES } satisfies ApiPropertyOptions;

export const TAGS_PROPERTY = {
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: EVENT_LIMITS.TAG_MAX },
  maxItems: EVENT_LIMITS.TAGS_MAX_ITEMS,
  example: ['rust', 'systems'],
} satisfies ApiPropertyOptions;

export const CAPACITY_PROPERTY = {
  type: 'integer',
  minimum: EVENT_LIMITS.CAPACITY_MIN,
  maximum: EVENT_LIMITS.CAPACITY_MAX,
  example: 50,
} satisfies ApiPropertyOptions;
