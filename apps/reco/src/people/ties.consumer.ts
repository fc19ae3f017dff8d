import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ConnectionEventData, Envelope, MatchCreatedData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService } from '@rendezvous/platform';
import { PeopleService } from './people.service';

/** Ties between people, from the user service's connections and matching's matches. */
@Controller()
export class TiesConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: PeopleService,
  ) {}

  @EventPattern([
    TOPICS.CONNECTION_REQUESTED,
    TOPICS.CONNECTION_ACCEPTED,
    TOPICS.CONNECTION_REMOVED,
  ])
  async onConnection(@Payload() event: Envelope<ConnectionEventData>): Promise<void> {
    await this.inbox.once(event, (tx) => this.people.applyConnection(tx, event));
  }

  @EventPattern(TOPICS.MATCH_CREATED)
  async onMatchCreated(@Payload() event: Envelope<MatchCreatedData>): Promise<void> {
    await this.inbox.once(event, (tx) => this.people.applyMatch(tx, event));
  }
}
