import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type {
  Envelope,
  TimeslotEventData,
  UserBlockData,
  UserStateData,
  VenueData,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { BlocksProjection, InboxService } from '@rendezvous/platform';
import { PeopleRepository } from './people.repository';
import { TimeslotsRepository } from './timeslots.repository';
import { VenuesRepository } from './venues.repository';

/** Keeps the projections of people, blocks, venues and timeslots; each applies only newer versions. */
@Controller()
export class DirectoryEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: PeopleRepository,
    private readonly blocks: BlocksProjection,
    private readonly venues: VenuesRepository,
    private readonly timeslots: TimeslotsRepository,
  ) {}

  @EventPattern(TOPICS.USER_CREATED)
  async onUserCreated(@Payload() event: Envelope<UserStateData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.people.created(tx, event.data.userId, event.aggregateVersion),
    );
  }

  @EventPattern([TOPICS.USER_BLOCKED, TOPICS.USER_UNBLOCKED])
  async onBlock(@Payload() event: Envelope<UserBlockData>): Promise<void> {
    const active = event.type === TOPICS.USER_BLOCKED;
    await this.inbox.once(event, (tx) =>
      this.blocks.applyIfNewer(tx, event.data, active, event.aggregateVersion),
    );
  }

  @EventPattern([TOPICS.VENUE_CREATED, TOPICS.VENUE_UPDATED])
  async onVenue(@Payload() event: Envelope<VenueData>): Promise<void> {
    await this.inbox.once(event, (tx) => this.venues.apply(tx, event.data, event.aggregateVersion));
  }

  @EventPattern([TOPICS.TIMESLOT_CREATED, TOPICS.TIMESLOT_UPDATED, TOPICS.TIMESLOT_DELETED])
  async onTimeslot(@Payload() event: Envelope<TimeslotEventData>): Promise<void> {
    const deleted = event.type === TOPICS.TIMESLOT_DELETED;
    await this.inbox.once(event, (tx) =>
      this.timeslots.apply(tx, event.data, event.aggregateVersion, deleted),
    );
  }
}
