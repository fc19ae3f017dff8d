import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent, RedisStandings } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import { PeopleService } from './people.service';

@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: PeopleService,
    private readonly dataSource: DataSource,
    private readonly standings: RedisStandings,
  ) {}

  // Redelivery and out-of-order arrival are normal: state applies only if newer.
  @OnEvent(TOPICS.USER_CREATED, TOPICS.USER_UPDATED)
  async onUserState(event: TopicEnvelope<'user.created' | 'user.updated'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.people.applyState(tx, event.data, event.aggregateVersion),
    );
  }

  @OnEvent(TOPICS.USER_DELETED)
  async onUserDeleted(event: TopicEnvelope<'user.deleted'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.people.forget(tx, event.data, event.aggregateVersion),
    );
    await this.standings.applyDeleted(event.data.userId, event.aggregateVersion);
  }

  @OnEvent(TOPICS.USER_STATUS_CHANGED)
  async onUserStatus(event: TopicEnvelope<'user.status_changed'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.people.applyStatus(tx, event.data, event.aggregateVersion),
    );
    // After the commit, on every delivery: Redis-only routes check tokens against this copy.
    await this.standings.applyStatus(event.data, event.aggregateVersion);
    await this.people.withdrawIfSuspended(event.data.userId, this.dataSource.manager);
  }

  @OnEvent(TOPICS.USER_BLOCKED, TOPICS.USER_UNBLOCKED)
  async onBlock(event: TopicEnvelope<'user.blocked' | 'user.unblocked'>): Promise<void> {
    const active = event.type === TOPICS.USER_BLOCKED;
    await this.inbox.once(event, (tx) =>
      this.people.applyBlock(tx, event.data, active, event.aggregateVersion),
    );
    await this.people.copyBlockToQueue(event.data, active, event.aggregateVersion);
  }
}
