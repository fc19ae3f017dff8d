import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BookingProvider, BookingRequest } from './booking-provider';
import { BookingRefused, TransientProviderError } from './booking-provider';
import { isTransientInfrastructureError } from '@rendezvous/platform';

// Unambiguous letters and digits (no 0/O, 1/I) for references read out at a counter.
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newReference(): string {
  const bytes = randomBytes(8);
  let code = '';
  for (const byte of bytes) code += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
  return `RDV-${code}`;
}

/**
 * Books venues against their capacity in this service's database: the venue's row lock makes
 * concurrent requests for one venue take turns, so the party sizes of all held reservations
 * overlapping a window never exceed the capacity.
 */
@Injectable()
export class InHouseProvider implements BookingProvider {
  constructor(private readonly dataSource: DataSource) {}

  async book(request: BookingRequest): Promise<{ reference: string }> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const venues = (await tx.query('SELECT capacity FROM venues WHERE id = $1 FOR UPDATE', [
          request.venueId,
        ])) as { capacity: number }[];
        const held = (await tx.query(
          'SELECT reference, released_at FROM venue_reservations WHERE request_key = $1',
          [request.requestKey],
        )) as { reference: string; released_at: Date | null }[];
        if (held[0] && !held[0].released_at) return { reference: held[0].reference };
        if (!venues[0]) throw new BookingRefused('provider_rejected', 'The venue is unknown');
        const [{ taken }] = (await tx.query(
          `SELECT COALESCE(SUM(party_size), 0)::int AS taken FROM venue_reservations
           WHERE venue_id = $1 AND released_at IS NULL AND starts_at < $3 AND ends_at > $2`,
          [request.venueId, request.startsAt, request.endsAt],
        )) as { taken: number }[];
        if (taken + request.partySize > venues[0].capacity) {
          throw new BookingRefused(
            'venue_full',
            `${taken} of ${venues[0].capacity} places are taken then; the party is ${request.partySize}`,
          );
        }
        const reference = newReference();
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
        return { reference };
      });
    } catch (error) {
      throw isTransientInfrastructureError(error)
        ? new TransientProviderError(String(error))
        : error;
    }
  }

  async release(requestKey: string): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE venue_reservations SET released_at = now()
         WHERE request_key = $1 AND released_at IS NULL`,
        [requestKey],
      );
    } catch (error) {
      throw isTransientInfrastructureError(error)
        ? new TransientProviderError(String(error))
        : error;
    }
  }
}
