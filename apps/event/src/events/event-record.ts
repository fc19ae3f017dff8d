import type { EventCategory, EventStateData, EventStatus } from '@rendezvous/contracts';
import type { EventFacts } from '../registrations/registration-rules';
import type { EventView } from './event.view';

/** A row of `events` as Postgres returns it. */
export interface EventRow {
  id: string;
  organizer_id: string;
  title: string;
  description: string;
  category: EventCategory;
  tags: string[];
  starts_at: Date;
  ends_at: Date;
  location_name: string;
  lat: number;
  lng: number;
  capacity: number;
  status: EventStatus;
  registered_count: number;
  waitlisted_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toEventView(row: EventRow): EventView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    tags: row.tags,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    location: { name: row.location_name, lat: row.lat, lng: row.lng },
    capacity: row.capacity,
    organizerId: row.organizer_id,
    status: row.status,
    registeredCount: row.registered_count,
    waitlistedCount: row.waitlisted_count,
  };
}

export function toEventState(row: EventRow): EventStateData {
  return {
    eventId: row.id,
    organizerId: row.organizer_id,
    title: row.title,
    description: row.description,
    category: row.category,
    tags: row.tags,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    location: { name: row.location_name, lat: row.lat, lng: row.lng },
    capacity: row.capacity,
    status: row.status,
  };
}

export function factsOf(row: EventRow): EventFacts {
  return {
    organizerId: row.organizer_id,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    capacity: row.capacity,
    registeredCount: row.registered_count,
    waitlistedCount: row.waitlisted_count,
  };
}
