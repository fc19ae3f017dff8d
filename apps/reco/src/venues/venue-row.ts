import type { VenueCategory, VenueData } from '@rendezvous/contracts';
import type { Venue } from './venue.shapes';

export interface VenueRow {
  id: string;
  name: string;
  description: string | null;
  category: VenueCategory;
  lat: number;
  lng: number;
  price_level: number;
  rating: number | null;
  capacity: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const VENUE_COLUMNS = `v.id, v.name, v.description, v.category, v.lat, v.lng, v.price_level,
  v.rating, v.capacity, v.version, v.created_at, v.updated_at`;

export function toVenue(row: VenueRow): Venue {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    category: row.category,
    lat: row.lat,
    lng: row.lng,
    priceLevel: row.price_level,
    rating: row.rating,
    capacity: row.capacity,
  };
}

export function venueData(row: VenueRow): VenueData {
  const { id, ...venue } = toVenue(row);
  return {
    venueId: id,
    ...venue,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
