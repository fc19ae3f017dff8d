import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Envelope, EventRegistrationData, EventStateData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService } from '@rendezvous/platform';
import { AttendanceRepository } from './attendance.repository';

@Controller()
export class EventEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly attendance: AttendanceRepository,
  ) {}

  @EventPattern([TOPICS.EVENT_CREATED, TOPICS.EVENT_UPDATED, TOPICS.EVENT_CANCELLED])
  async onEvent(@Payload() event: Envelope<EventStateData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.attendance.applyEvent(tx, event.data, event.aggregateVersion),
    );
  }

  @EventPattern([
    TOPICS.EVENT_REGISTRATION_CREATED,
    TOPICS.EVENT_REGISTRATION_CANCELLED,
    TOPICS.EVENT_REGISTRATION_PROMOTED,
  ])
  async onRegistration(@Payload() event: Envelope<EventRegistrationData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.attendance.applyRegistration(tx, event.data, event.aggregateVersion),
    );
  }
}
