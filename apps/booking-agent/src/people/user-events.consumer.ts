import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { BlocksProjection, InboxService, OnEvent } from '@rendezvous/platform';
import { AccountDeletionService } from '../deletion/account-deletion.service';
import { AccountStandingService } from '../safety/account-standing.service';
import { PeopleRepository } from './people.repository';

/** Who exists, their blocks, deletions and standing; each applies only newer versions. */
@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: PeopleRepository,
    private readonly blocks: BlocksProjection,
    private readonly deletion: AccountDeletionService,
    private readonly standing: AccountStandingService,
  ) {}

  @OnEvent(TOPICS.USER_CREATED)
  async onUserCreated(event: TopicEnvelope<'user.created'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.people.created(tx, event.data.userId, event.aggregateVersion),
    );
  }

  @OnEvent(TOPICS.USER_BLOCKED, TOPICS.USER_UNBLOCKED)
  async onBlock(event: TopicEnvelope<'user.blocked' | 'user.unblocked'>): Promise<void> {
    const active = event.type === TOPICS.USER_BLOCKED;
    await this.inbox.once(event, (tx) =>
      this.blocks.applyIfNewer(tx, event.data, active, event.aggregateVersion),
    );
  }

  @OnEvent(TOPICS.USER_DELETED)
  async onUserDeleted(event: TopicEnvelope<'user.deleted'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.deletion.apply(tx, event.data, event.aggregateVersion),
    );
  }

  @OnEvent(TOPICS.USER_STATUS_CHANGED)
  async onUserStatusChanged(event: TopicEnvelope<'user.status_changed'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.standing.apply(tx, event.data, event.aggregateVersion),
    );
  }
}
