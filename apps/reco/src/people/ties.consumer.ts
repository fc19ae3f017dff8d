import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { PeopleService } from './people.service';

/** Ties between people, from the user service's connections and matching's matches. */
@Controller()
export class TiesConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: PeopleService,
  ) {}

  @OnEvent(TOPICS.CONNECTION_REQUESTED, TOPICS.CONNECTION_ACCEPTED, TOPICS.CONNECTION_REMOVED)
  async onConnection(
    event: TopicEnvelope<'connection.requested' | 'connection.accepted' | 'connection.removed'>,
  ): Promise<void> {
    await this.inbox.once(event, (tx) => this.people.applyConnection(tx, event));
  }

  @OnEvent(TOPICS.MATCH_CREATED)
  async onMatchCreated(event: TopicEnvelope<'match.created'>): Promise<void> {
    await this.inbox.once(event, (tx) => this.people.applyMatch(tx, event));
  }
}
