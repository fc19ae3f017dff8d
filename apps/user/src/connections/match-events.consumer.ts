import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Envelope, MatchCreatedData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService } from '@rendezvous/platform';
import { ConnectionsService } from './connections.service';

@Controller()
export class MatchEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly connections: ConnectionsService,
  ) {}

  @EventPattern(TOPICS.MATCH_CREATED)
  async onMatchCreated(@Payload() event: Envelope<MatchCreatedData>): Promise<void> {
    await this.inbox.once(event, (tx) => this.connections.applyMatch(tx, event.data.userIds));
  }
}
