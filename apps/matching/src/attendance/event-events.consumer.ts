import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { AttendanceRepository } from './attendance.repository';

@Controller()
export class EventEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly attendance: AttendanceRepository,
  ) {}

  @OnEvent(TOPICS.EVENT_CREATED, TOPICS.EVENT_UPDATED, TOPICS.EVENT_CANCELLED)
  async onEvent(
    event: TopicEnvelope<'event.created' | 'event.updated' | 'event.cancelled'>,
  ): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.attendance.applyEvent(tx, event.data, event.aggregateVersion),
    );
  }

  @OnEvent(
    TOPICS.EVENT_REGISTRATION_CREATED,
    TOPICS.EVENT_REGISTRATION_CANCELLED,
    TOPICS.EVENT_REGISTRATION_PROMOTED,
  )
  async onRegistration(
    event: TopicEnvelope<
      'event.registration.created' | 'event.registration.cancelled' | 'event.registration.promoted'
    >,
  ): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.attendance.applyRegistration(tx, event.data, event.aggregateVersion),
    );
  }
}
