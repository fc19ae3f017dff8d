import type { BookingProvider, BookingRequest } from './booking-provider';
import { TransientProviderError } from './booking-provider';
import { SimulatedExternalProvider } from './simulated.provider';

/** A ledger that hands out one reference per key, counting calls. */
function countingLedger() {
  const references = new Map<string, string>();
  const ledger: BookingProvider & { calls: number } = {
    calls: 0,
    book(request: BookingRequest) {
      ledger.calls += 1;
      const reference = references.get(request.requestKey) ?? `REF-${references.size + 1}`;
      references.set(request.requestKey, reference);
      return Promise.resolve({ reference });
    },
    release() {
      return Promise.resolve();
    },
  };
  return ledger;
}

const request: BookingRequest = {
  requestKey: 'plan-1',
  venueId: 'venue-1',
  startsAt: new Date('2030-01-01T10:00:00Z'),
  endsAt: new Date('2030-01-01T11:00:00Z'),
  partySize: 2,
};
const settings = { latencyMs: 0, failureRate: 0.5, timeoutRate: 0.5, timeoutMs: 0 };

describe(SimulatedExternalProvider.name, () => {
  it('refuses before booking when the dice say failure', async () => {
    const ledger = countingLedger();
    const provider = new SimulatedExternalProvider(ledger, settings, () => 0.1);
    await expect(provider.book(request)).rejects.toBeInstanceOf(TransientProviderError);
    expect(ledger.calls).toBe(0);
  });

  it('books and then loses the reply when the dice say timeout; a retry gets the same booking', async () => {
    const ledger = countingLedger();
    const rolls = [0.9, 0.1, 0.9, 0.9];
    const provider = new SimulatedExternalProvider(ledger, settings, () => rolls.shift() ?? 0.9);
    await expect(provider.book(request)).rejects.toThrow('no reply');
    expect(ledger.calls).toBe(1);
    await expect(provider.book(request)).resolves.toEqual({ reference: 'REF-1' });
    expect(ledger.calls).toBe(2);
  });
});
