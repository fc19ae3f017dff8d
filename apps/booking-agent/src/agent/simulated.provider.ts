import { setTimeout as sleep } from 'node:timers/promises';
import type { BookingProvider, BookingRequest } from './booking-provider';
import { TransientProviderError } from './booking-provider';

export interface SimulatedProviderSettings {
  /** Delay each way, in milliseconds. */
  latencyMs: number;
  /** Chance that an attempt is refused with a 503 before anything is booked. */
  failureRate: number;
  /** Chance that the booking is made but the reply never arrives. */
  timeoutRate: number;
  /** How long the caller waits for a reply that is lost. */
  timeoutMs: number;
}

/**
 * A pretend external booking API in front of a real ledger: every call travels with latency,
 * some are refused, and some book but lose their reply — so the agent's retries, and the
 * idempotency by request key that makes them safe, are exercised for real.
 */
export class SimulatedExternalProvider implements BookingProvider {
  constructor(
    private readonly ledger: BookingProvider,
    private readonly settings: SimulatedProviderSettings,
    private readonly random: () => number = Math.random,
  ) {}

  async book(request: BookingRequest): Promise<{ reference: string }> {
    return this.call(() => this.ledger.book(request));
  }

  async release(requestKey: string): Promise<void> {
    await this.call(() => this.ledger.release(requestKey));
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    await sleep(this.settings.latencyMs);
    if (this.random() < this.settings.failureRate) {
      throw new TransientProviderError('simulated provider: 503 Service Unavailable');
    }
    const result = await work();
    if (this.random() < this.settings.timeoutRate) {
      await sleep(this.settings.timeoutMs);
      throw new TransientProviderError('simulated provider: no reply before the timeout');
    }
    await sleep(this.settings.latencyMs);
    return result;
  }
}
