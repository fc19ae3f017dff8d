import { Injectable } from '@nestjs/common';
import type { VenueCategory } from '@rendezvous/contracts';
import type { Cursor } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { LatLng } from '@rendezvous/contracts';
import { distanceSql } from '../scoring/geo';
import type { VenueRow } from './venue-row';
import type { Venue } from './venue.shapes';
import { VENUE_COLUMNS } from './venue-row';

export type NewVenue = Omit<Venue, 'id'>;

export interface VenueListRow extends VenueRow {
  km: number | null;
}

@Injectable()
export class VenuesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, id: string, venue: NewVenue): Promise<VenueRow> {
    const rows = (await tx.query(
      `INSERT INTO venues AS v (id, name, description, category, lat, lng, position, price_level,
         rating, capacity)
       VALUES ($1, $2, $3, $4, $5, $6, point($6, $5), $7, $8, $9)
       RETURNING ${VENUE_COLUMNS}`,
      [
        id,
        venue.name,
        venue.description,
        venue.category,
        venue.lat,
        venue.lng,
        venue.priceLevel,
        venue.rating,
        venue.capacity,
      ],
    )) as VenueRow[];
    return rows[0];
  }

  async lock(tx: EntityManager, id: string): Promise<VenueRow | null> {
    const rows = (await tx.query(`SELECT ${VENUE_COLUMNS} FROM venues v WHERE id = $1 FOR UPDATE`, [
      id,
    ])) as VenueRow[];
    return rows[0] ?? null;
  }

  /** Writes the whole venue and moves its version on by one. */
  async update(tx: EntityManager, id: string, venue: NewVenue): Promise<VenueRow> {
    const rows = (await tx.query(
      `UPDATE venues v SET name = $2, description = $3, category = $4, lat = $5, lng = $6,
         position = point($6, $5), price_level = $7, rating = $8, capacity = $9,
         version = version + 1, updated_at = date_trunc('milliseconds', now())
       WHERE id = $1
       RETURNING ${VENUE_COLUMNS}`,
      [
        id,
        venue.name,
        venue.description,
        venue.category,
        venue.lat,
        venue.lng,
        venue.priceLevel,
        venue.rating,
        venue.capacity,
      ],
    )) as [VenueRow[], number];
    return rows[0][0];
  }

  async find(id: string): Promise<VenueRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${VENUE_COLUMNS} FROM venues v WHERE id = $1`,
      [id],
    )) as VenueRow[];
    return rows[0] ?? null;
  }

  /** A page nearest first from `near` (by distance, then id), else by name, then id. */
  async list(
    near: LatLng | null,
    category: VenueCategory | null,
    limit: number,
    after: Cursor | null,
  ): Promise<VenueListRow[]> {
    if (near) {
      const km = distanceSql('v', '$1', '$2');
      return (await this.dataSource.query(
        `SELECT * FROM (
           SELECT ${VENUE_COLUMNS}, ${km} AS km FROM venues v
           WHERE ($3::text IS NULL OR v.category = $3)) v
         WHERE $4::float8 IS NULL OR (v.km, v.id) > ($4::float8, $5::uuid)
         ORDER BY v.km, v.id LIMIT $6`,
        [near.lat, near.lng, category, after?.key ?? null, after?.id ?? null, limit + 1],
      )) as VenueListRow[];
    }
    return (await this.dataSource.query(
      `SELECT ${VENUE_COLUMNS}, NULL::float8 AS km FROM venues v
       WHERE ($1::text IS NULL OR v.category = $1)
         AND ($2::text IS NULL OR (v.name, v.id) > ($2::text, $3::uuid))
       ORDER BY v.name, v.id LIMIT $4`,
      [category, after?.key ?? null, after?.id ?? null, limit + 1],
    )) as VenueListRow[];
  }
}
