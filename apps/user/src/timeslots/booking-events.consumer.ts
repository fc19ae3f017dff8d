import { Controller } from '@nestjs/common';
import type { BookingData, Envelope, TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { TimeslotsService } from './timeslots.service';

@Controller()
export class BookingEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly timeslots: TimeslotsService,
  ) {}

  @OnEvent(TOPICS.BOOKING_CONFIRMED)
  async onBookingConfirmed(event: TopicEnvelope<'booking.confirmed'>): Promise<void> {
    await this.apply(event);
  }

  @OnEvent(TOPICS.BOOKING_CANCELLED)
  async onBookingCancelled(event: TopicEnvelope<'booking.cancelled'>): Promise<void> {
    await this.apply(event);
  }

  private async apply(event: Envelope<BookingData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.timeslots.applyBooking(tx, event.data, event.aggregateVersion),
    );
  }
}
