import type { Static } from '../events/schema-builder';
import {
  Closed,
  DateTime,
  defineEvent,
  Nullable,
  OneOf,
  Type,
  Uuid,
} from '../events/schema-builder';

export { INTERACTION_TYPES, VENUE_CATEGORIES } from './venue-values';
import { INTERACTION_TYPES, VENUE_CATEGORIES } from './venue-values';
export type { InteractionType, VenueCategory } from './venue-values';

/**
 * `venue.created` and `venue.updated`: the whole venue after the change. Aggregate (and key) =
 * the venue id; `aggregateVersion` rises by one with every change, so a projection applies an
 * event only when it is newer than what it holds. `description` and `rating` (0 to 5) are `null`
 * when not given; `priceLevel` is 1 (cheap) to 4; `capacity` is how many people the venue can
 * host at once (the booking agent's capacity check).
 */
export const VENUE_STATE = defineEvent(
  1,
  Closed({
    venueId: Uuid(),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Nullable(Type.String({ maxLength: 2000 })),
    category: OneOf(VENUE_CATEGORIES),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    priceLevel: Type.Integer({ minimum: 1, maximum: 4 }),
    rating: Nullable(Type.Number({ minimum: 0, maximum: 5 })),
    capacity: Type.Integer({ minimum: 1 }),
    createdAt: DateTime(),
    updatedAt: DateTime(),
  }),
);
export type VenueData = Static<typeof VENUE_STATE.data>;

/**
 * `venue.interaction.logged`: one person viewed, was interested in or liked a venue. Aggregate
 * (and key) = the interaction id, version 1; an interaction never changes. `dwellSeconds` is 0
 * when not given.
 */
export const VENUE_INTERACTION_LOGGED = defineEvent(
  1,
  Closed({
    interactionId: Uuid(),
    venueId: Uuid(),
    userId: Uuid(),
    type: OneOf(INTERACTION_TYPES),
    dwellSeconds: Type.Integer({ minimum: 0, maximum: 86_400 }),
    createdAt: DateTime(),
  }),
);
export type VenueInteractionData = Static<typeof VENUE_INTERACTION_LOGGED.data>;
