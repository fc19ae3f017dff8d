import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { ConnectionsService } from './connections.service';

@Controller()
export class MatchEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly connections: ConnectionsService,
  ) {}

  @OnEvent(TOPICS.MATCH_CREATED)
  async onMatchCreated(event: TopicEnvelope<'match.created'>): Promise<void> {
    await this.inbox.once(event, (tx) => this.connections.applyMatch(tx, event.data.userIds));
  }
}
