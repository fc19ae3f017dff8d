import type { EventSchema } from '../events/event-schema';

export const VENUE_CATEGORIES = [
  'cafe',
  'bar',
  'restaurant',
  'music',
  'comedy',
  'karaoke',
  'sports',
  'coworking',
  'other',
] as const;
export type VenueCategory = (typeof VENUE_CATEGORIES)[number];

export const INTERACTION_TYPES = ['view', 'interest', 'like'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

/**
 * `venue.created` and `venue.updated`: the whole venue after the change. Aggregate (and key) =
 * the venue id; `aggregateVersion` rises by one with every change, so a projection applies an
 * event only when it is newer than what it holds.
 */
export interface VenueData {
  venueId: string;
  name: string;
  /** `null` when none was given. */
  description: string | null;
  category: VenueCategory;
  lat: number;
  lng: number;
  /** 1 (cheap) to 4. */
  priceLevel: number;
  /** 0 to 5; `null` when not rated. */
  rating: number | null;
  /** How many people the venue can host at once (the booking agent's capacity check). */
  capacity: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * `venue.interaction.logged`: one person viewed, was interested in or liked a venue. Aggregate
 * (and key) = the interaction id, version 1; an interaction never changes.
 */
export interface VenueInteractionData {
  interactionId: string;
  venueId: string;
  userId: string;
  type: InteractionType;
  /** Seconds spent on the venue; 0 when not given. */
  dwellSeconds: number;
  createdAt: string;
}

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;

const VENUE: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: [
      'venueId',
      'name',
      'description',
      'category',
      'lat',
      'lng',
      'priceLevel',
      'rating',
      'capacity',
      'createdAt',
      'updatedAt',
    ],
    properties: {
      venueId: UUID,
      name: { type: 'string', minLength: 1, maxLength: 100 },
      description: { anyOf: [{ type: 'string', maxLength: 2000 }, { type: 'null' }] },
      category: { enum: VENUE_CATEGORIES },
      lat: { type: 'number', minimum: -90, maximum: 90 },
      lng: { type: 'number', minimum: -180, maximum: 180 },
      priceLevel: { type: 'integer', minimum: 1, maximum: 4 },
      rating: { anyOf: [{ type: 'number', minimum: 0, maximum: 5 }, { type: 'null' }] },
      capacity: { type: 'integer', minimum: 1 },
      createdAt: DATE_TIME,
      updatedAt: DATE_TIME,
    },
  },
};

export const VENUE_EVENT_SCHEMAS = {
  'venue.created': VENUE,
  'venue.updated': VENUE,
  'venue.interaction.logged': {
    schemaVersion: 1,
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['interactionId', 'venueId', 'userId', 'type', 'dwellSeconds', 'createdAt'],
      properties: {
        interactionId: UUID,
        venueId: UUID,
        userId: UUID,
        type: { enum: INTERACTION_TYPES },
        dwellSeconds: { type: 'integer', minimum: 0, maximum: 86_400 },
        createdAt: DATE_TIME,
      },
    },
  } satisfies EventSchema,
} as const;
