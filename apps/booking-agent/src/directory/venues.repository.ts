import { Injectable } from '@nestjs/common';
import type { VenueData } from '@rendezvous/contracts';
import type { Queryable } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';

export interface VenueRow {
  id: string;
  name: string;
  capacity: number;
}

/** Venues and their capacity, from reco's `venue.*` events, applied when newer. */
@Injectable()
export class VenuesRepository {
  async apply(tx: EntityManager, venue: VenueData, version: number): Promise<void> {
    await tx.query(
      `INSERT INTO venues (id, name, capacity, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, capacity = EXCLUDED.capacity,
         version = EXCLUDED.version
       WHERE venues.version < EXCLUDED.version`,
      [venue.venueId, venue.name, venue.capacity, version],
    );
  }

  /** The venue's capacity, its row locked for the transaction; `undefined` when unknown. */
  async lockCapacity(tx: EntityManager, id: string): Promise<number | undefined> {
    const rows = (await tx.query('SELECT capacity FROM venues WHERE id = $1 FOR UPDATE', [id])) as {
      capacity: number;
    }[];
    return rows[0]?.capacity;
  }

  async find(db: Queryable, id: string): Promise<VenueRow | null> {
    const rows = (await db.query('SELECT id, name, capacity FROM venues WHERE id = $1', [
      id,
    ])) as VenueRow[];
    return rows[0] ?? null;
  }
}
