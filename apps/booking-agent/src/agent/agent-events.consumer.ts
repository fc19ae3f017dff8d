import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { BookingData, Envelope, PlanStateData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService } from '@rendezvous/platform';
import { BookingAgent } from './booking-agent.service';

/** The agent's own work orders: book a confirmed plan, give a cancelled booking's hold back. */
@Controller()
export class AgentEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly agent: BookingAgent,
  ) {}

  @EventPattern(TOPICS.PLAN_CONFIRMED)
  async onPlanConfirmed(@Payload() event: Envelope<PlanStateData>): Promise<void> {
    await this.inbox.once(event, (tx) => this.agent.bookConfirmedPlan(tx, event.data.planId));
  }

  @EventPattern(TOPICS.BOOKING_CANCELLED)
  async onBookingCancelled(@Payload() event: Envelope<BookingData>): Promise<void> {
    await this.inbox.once(event, () => this.agent.release(event.data.planId));
  }
}
