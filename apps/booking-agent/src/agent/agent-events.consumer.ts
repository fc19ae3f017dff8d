import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { BookingAgent } from './booking-agent.service';

/** The agent's own work orders: book a confirmed plan, give a cancelled booking's hold back. */
@Controller()
export class AgentEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly agent: BookingAgent,
  ) {}

  @OnEvent(TOPICS.PLAN_CONFIRMED)
  async onPlanConfirmed(event: TopicEnvelope<'plan.confirmed'>): Promise<void> {
    await this.inbox.once(event, (tx) => this.agent.bookConfirmedPlan(tx, event.data.planId));
  }

  @OnEvent(TOPICS.BOOKING_CANCELLED)
  async onBookingCancelled(event: TopicEnvelope<'booking.cancelled'>): Promise<void> {
    await this.inbox.once(event, () => this.agent.release(event.data.planId));
  }
}
