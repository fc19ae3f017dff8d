import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BookingProvider, BookingRequest } from './booking-provider';
import { BookingRefused, TransientProviderError } from './booking-provider';
import { isTransientInfrastructureError } from '@rendezvous/platform';
import { VenuesRepository } from '../directory/venues.repository';
import { VenueReservationsRepository } from './venue-reservations.repository';

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly venues: VenuesRepository,
    private readonly reservations: VenueReservationsRepository,
  ) {}

  async book(request: BookingRequest): Promise<{ reference: string }> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const capacity = await this.venues.lockCapacity(tx, request.venueId);
        const held = await this.reservations.findByRequestKey(tx, request.requestKey);
        if (held && !held.released_at) return { reference: held.reference };
        if (capacity === undefined) {
          throw new BookingRefused('provider_rejected', 'The venue is unknown');
        }
        const taken = await this.reservations.placesTaken(tx, request);
        if (taken + request.partySize > capacity) {
          throw new BookingRefused(
            'venue_full',
            `${taken} of ${capacity} places are taken then; the party is ${request.partySize}`,
          );
        }
        const reference = newReference();
        await this.reservations.hold(tx, request, reference);
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
      await this.reservations.release(this.dataSource, requestKey);
    } catch (error) {
      throw isTransientInfrastructureError(error)
        ? new TransientProviderError(String(error))
        : error;
    }
  }
}
