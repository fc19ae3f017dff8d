/** Venue categories and interaction types (API.md, Venues and recommendations). */
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
