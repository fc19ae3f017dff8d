import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What reco keeps about one person, for their export: their venue interactions. */
@Injectable()
export class PersonalDataRepository {
  async partOf(tx: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const rows = (await tx.query(
      `SELECT i.id, i.venue_id, v.name AS venue_name, i.type, i.dwell_seconds, i.created_at
       FROM interactions i JOIN venues v ON v.id = i.venue_id
       WHERE i.user_id = $1 ORDER BY i.created_at, i.id`,
      [userId],
    )) as {
      id: string;
      venue_id: string;
      venue_name: string;
      type: string;
      dwell_seconds: number;
      created_at: Date;
    }[];
    return {
      interactions: rows.map((row) => ({
        id: row.id,
        venueId: row.venue_id,
        venueName: row.venue_name,
        type: row.type,
        dwellSeconds: row.dwell_seconds,
        createdAt: row.created_at.toISOString(),
      })),
    };
  }
}
