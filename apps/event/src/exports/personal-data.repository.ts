import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What the event service keeps about one person, for their export. */
@Injectable()
export class PersonalDataRepository {
  async partOf(tx: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const organised = (await tx.query(
      `SELECT id, title, description, category, tags, starts_at, ends_at, location_name, lat, lng,
              capacity, status, created_at
       FROM events WHERE organizer_id = $1 ORDER BY created_at, id`,
      [userId],
    )) as {
      id: string;
      title: string;
      description: string;
      category: string;
      tags: string[];
      starts_at: Date;
      ends_at: Date;
      location_name: string;
      lat: number;
      lng: number;
      capacity: number;
      status: string;
      created_at: Date;
    }[];
    const registrations = (await tx.query(
      `SELECT r.id, r.event_id, e.title, r.status, r.created_at, r.updated_at
       FROM registrations r JOIN events e ON e.id = r.event_id
       WHERE r.user_id = $1 ORDER BY r.created_at, r.id`,
      [userId],
    )) as {
      id: string;
      event_id: string;
      title: string;
      status: string;
      created_at: Date;
      updated_at: Date;
    }[];
    return {
      eventsOrganised: organised.map((row) => ({
        id: row.id,
        title: row.title,
        description: row.description,
        category: row.category,
        tags: row.tags,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        location: { name: row.location_name, lat: row.lat, lng: row.lng },
        capacity: row.capacity,
        status: row.status,
        createdAt: row.created_at.toISOString(),
      })),
      registrations: registrations.map((row) => ({
        id: row.id,
        eventId: row.event_id,
        eventTitle: row.title,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      })),
    };
  }
}
