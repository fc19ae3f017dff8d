import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BookingFailureReason } from '@rendezvous/contracts';
import { backoffDelay, isTransientInfrastructureError } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import { BookingAgentConfig } from '../config';
import type { Plan } from '../plans/plan-record';
import { partySizeOf } from '../plans/plan-record';
import { TimeslotsRepository } from '../directory/timeslots.repository';
import { PlansRepository } from '../plans/plans.repository';
import type { BookingProvider, BookingRequest } from './booking-provider';
import { BOOKING_PROVIDER, BookingRefused, TransientProviderError } from './booking-provider';

type Outcome = { reference: string } | { reason: BookingFailureReason };

/**
 * Books confirmed plans. It works in the transaction that records the `plan.confirmed` event in
 * the inbox and holds the plan's row lock throughout, so a plan is booked at most once whatever
 * is redelivered or however many agents run; a crash before commit leaves a held reservation that
 * the retry gets back from the provider under the same request key (the plan id).
 */
@Injectable()
export class BookingAgent {
  private readonly logger = new Logger(BookingAgent.name);

  constructor(
    private readonly plans: PlansRepository,
    @Inject(BOOKING_PROVIDER) private readonly provider: BookingProvider,
    private readonly config: BookingAgentConfig,
    private readonly timeslots: TimeslotsRepository,
  ) {}

  async bookConfirmedPlan(tx: EntityManager, planId: string): Promise<void> {
    const plan = await this.plans.lockIfExists(tx, planId);
    if (!plan) {
      // Not a plan of this deployment's database (e.g. a test's, on a shared broker).
      this.logger.warn(`plan.confirmed for unknown plan ${planId} ignored`);
      return;
    }
    if (plan.row.status === 'cancelled' && !plan.booking) {
      // Cancelled while an earlier attempt may have reserved: give that back.
      await this.releaseQuietly(planId);
      return;
    }
    if (plan.row.status !== 'booking' || plan.booking) return;
    if (await this.timeslotTaken(tx, plan)) {
      await this.releaseQuietly(planId);
      await this.plans.bookingFailed(tx, plan, 'timeslot_taken');
      return;
    }
    const request: BookingRequest = {
      requestKey: planId,
      venueId: plan.row.venue_id,
      startsAt: plan.row.starts_at,
      endsAt: plan.row.ends_at,
      partySize: partySizeOf(plan),
    };
    const outcome = await this.attempt(request);
    if ('reason' in outcome) {
      // A lost reply may still have booked: make sure nothing stays held.
      await this.releaseQuietly(planId);
      await this.plans.bookingFailed(tx, plan, outcome.reason);
      return;
    }
    await this.plans.booked(tx, plan, {
      id: randomUUID(),
      plan_id: planId,
      venue_id: request.venueId,
      starts_at: request.startsAt,
      ends_at: request.endsAt,
      party_size: request.partySize,
      reference: outcome.reference,
      timeslot_id: plan.row.timeslot_id,
    });
  }

  /** Gives the provider's hold for a cancelled booking back. */
  async release(planId: string): Promise<void> {
    await this.retrying(() => this.provider.release(planId));
  }

  private async attempt(request: BookingRequest): Promise<Outcome> {
    try {
      return await this.retrying(() => this.provider.book(request));
    } catch (error) {
      if (error instanceof BookingRefused) return { reason: error.reason };
      if (isRetriable(error)) return { reason: 'provider_unavailable' };
      throw error;
    }
  }

  /** Runs `call` until it succeeds, retrying transient failures with backoff. */
  private async retrying<T>(call: () => Promise<T>): Promise<T> {
    const { BOOKING_RETRY_ATTEMPTS: attempts, BOOKING_RETRY_BASE_MS: base } = this.config;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.withTimeout(call());
      } catch (error) {
        if (!isRetriable(error) || attempt >= attempts) throw error;
        this.logger.warn(`booking provider attempt ${attempt} failed, retrying: ${String(error)}`);
        await sleep(backoffDelay(attempt, base, base * 2 ** attempts));
      }
    }
  }

  private async withTimeout<T>(call: Promise<T>): Promise<T> {
    const timeout = this.config.BOOKING_PROVIDER_TIMEOUT_MS;
    const abort = new AbortController();
    try {
      return await Promise.race([
        call,
        sleep(timeout, undefined, { signal: abort.signal }).then(() => {
          throw new TransientProviderError(`no reply from the provider within ${timeout} ms`);
        }),
      ]);
    } finally {
      abort.abort();
    }
  }

  private async releaseQuietly(planId: string): Promise<void> {
    try {
      await this.release(planId);
    } catch (error) {
      this.logger.error(`could not release the hold of plan ${planId}: ${String(error)}`);
    }
  }

  private async timeslotTaken(tx: EntityManager, plan: Plan): Promise<boolean> {
    if (!plan.row.timeslot_id) return false;
    return this.timeslots.takenByAnotherPlan(tx, plan.row.timeslot_id, plan.row.id);
  }
}

function isRetriable(error: unknown): boolean {
  return error instanceof TransientProviderError || isTransientInfrastructureError(error);
}
