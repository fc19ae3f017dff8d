/** What the agent asks a provider to hold: `requestKey` makes a repeat return the same booking. */
export interface BookingRequest {
  requestKey: string;
  venueId: string;
  startsAt: Date;
  endsAt: Date;
  partySize: number;
}

/** Where venues are actually booked. Both calls are idempotent by `requestKey`. */
export interface BookingProvider {
  /** The reference of the booking made for this key (now or by an earlier call). */
  book(request: BookingRequest): Promise<{ reference: string }>;
  /** Gives up the booking made for this key, if any. */
  release(requestKey: string): Promise<void>;
}

export const BOOKING_PROVIDER = Symbol('BOOKING_PROVIDER');

/** Worth another try: the provider was unreachable, slow or briefly failing. */
export class TransientProviderError extends Error {
  override name = 'TransientProviderError';
}

/** No retry changes the answer: e.g. the venue is full. */
export class BookingRefused extends Error {
  override name = 'BookingRefused';

  constructor(
    readonly reason: 'venue_full' | 'provider_rejected',
    message: string,
  ) {
    super(message);
  }
}
