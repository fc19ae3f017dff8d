import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { ConnectionsRepository } from './connections.repository';

/** Connections between people, for the learned ranking's graph features. */
@Controller()
export class ConnectionEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly connections: ConnectionsRepository,
  ) {}

  @OnEvent(TOPICS.CONNECTION_REQUESTED, TOPICS.CONNECTION_ACCEPTED, TOPICS.CONNECTION_REMOVED)
  async onConnection(
    event: TopicEnvelope<'connection.requested' | 'connection.accepted' | 'connection.removed'>,
  ): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.connections.applyIfNewer(tx, event.data, event.aggregateVersion),
    );
  }
}
