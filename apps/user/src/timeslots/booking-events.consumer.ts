import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { BookingData, Envelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService } from '@rendezvous/platform';
import { TimeslotsService } from './timeslots.service';

@Controller()
export class BookingEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly timeslots: TimeslotsService,
  ) {}

  @EventPattern(TOPICS.BOOKING_CONFIRMED)
  async onBookingConfirmed(@Payload() event: Envelope<BookingData>): Promise<void> {
    await this.apply(event);
  }

  @EventPattern(TOPICS.BOOKING_CANCELLED)
  async onBookingCancelled(@Payload() event: Envelope<BookingData>): Promise<void> {
    await this.apply(event);
  }

  private async apply(event: Envelope<BookingData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.timeslots.applyBooking(tx, event.data, event.aggregateVersion),
    );
  }
}
