import { Injectable } from '@nestjs/common';
import type { Queryable } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import type { BookingRequest } from './booking-provider';

/** The in-house provider's reservations: the `venue_reservations` table, keyed by request. */
@Injectable()
export class VenueReservationsRepository {
  async findByRequestKey(
    tx: EntityManager,
    requestKey: string,
  ): Promise<{ reference: string; released_at: Date | null } | undefined> {
    const held = (await tx.query(
      'SELECT reference, released_at FROM venue_reservations WHERE request_key = $1',
      [requestKey],
    )) as { reference: string; released_at: Date | null }[];
    return held[0];
  }

  /** The party sizes of the venue's held reservations overlapping `[startsAt, endsAt)`, summed. */
  async placesTaken(
    tx: EntityManager,
    { venueId, startsAt, endsAt }: Pick<BookingRequest, 'venueId' | 'startsAt' | 'endsAt'>,
  ): Promise<number> {
    const [{ taken }] = (await tx.query(
      `SELECT COALESCE(SUM(party_size), 0)::int AS taken FROM venue_reservations
       WHERE venue_id = $1 AND released_at IS NULL AND starts_at < $3 AND ends_at > $2`,
      [venueId, startsAt, endsAt],
    )) as { taken: number }[];
    return taken;
  }

  /** Holds the request's places under `reference`, replacing a released reservation of the key. */
  async hold(tx: EntityManager, request: BookingRequest, reference: string): Promise<void> {
    await tx.query(
      `INSERT INTO venue_reservations (request_key, reference, venue_id, starts_at, ends_at,
         party_size)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (request_key) DO UPDATE SET reference = EXCLUDED.reference,
         venue_id = EXCLUDED.venue_id, starts_at = EXCLUDED.starts_at,
         ends_at = EXCLUDED.ends_at, party_size = EXCLUDED.party_size, released_at = NULL,
         created_at = now()`,
      [
        request.requestKey,
        reference,
        request.venueId,
        request.startsAt,
        request.endsAt,
        request.partySize,
      ],
    );
  }

  async release(db: Queryable, requestKey: string): Promise<void> {
    await db.query(
      `UPDATE venue_reservations SET released_at = now()
       WHERE request_key = $1 AND released_at IS NULL`,
      [requestKey],
    );
  }
}
