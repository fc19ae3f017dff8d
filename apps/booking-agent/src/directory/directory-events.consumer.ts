import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { TimeslotsRepository } from './timeslots.repository';
import { VenuesRepository } from './venues.repository';

/** Keeps the projections of venues and timeslots; each applies only newer versions. */
@Controller()
export class DirectoryEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly venues: VenuesRepository,
    private readonly timeslots: TimeslotsRepository,
  ) {}

  @OnEvent(TOPICS.VENUE_CREATED, TOPICS.VENUE_UPDATED)
  async onVenue(event: TopicEnvelope<'venue.created' | 'venue.updated'>): Promise<void> {
    await this.inbox.once(event, (tx) => this.venues.apply(tx, event.data, event.aggregateVersion));
  }

  @OnEvent(TOPICS.TIMESLOT_CREATED, TOPICS.TIMESLOT_UPDATED, TOPICS.TIMESLOT_DELETED)
  async onTimeslot(
    event: TopicEnvelope<'timeslot.created' | 'timeslot.updated' | 'timeslot.deleted'>,
  ): Promise<void> {
    const deleted = event.type === TOPICS.TIMESLOT_DELETED;
    await this.inbox.once(event, (tx) =>
      this.timeslots.apply(tx, event.data, event.aggregateVersion, deleted),
    );
  }
}
