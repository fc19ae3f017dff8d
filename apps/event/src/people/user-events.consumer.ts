import { Controller } from '@nestjs/common';
import type { Envelope, UserStateData, TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { AccountDeletionService } from '../deletion/account-deletion.service';
import { AccountStandingService } from '../safety/account-standing.service';
import { PeopleRepository } from './people.repository';

@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: PeopleRepository,
    private readonly deletion: AccountDeletionService,
    private readonly standing: AccountStandingService,
  ) {}

  @OnEvent(TOPICS.USER_CREATED)
  async onUserCreated(event: TopicEnvelope<'user.created'>): Promise<void> {
    await this.apply(event);
  }

  @OnEvent(TOPICS.USER_UPDATED)
  async onUserUpdated(event: TopicEnvelope<'user.updated'>): Promise<void> {
    await this.apply(event);
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

  // Redelivery and arrival out of order are normal: the repository applies only newer versions.
  private async apply(event: Envelope<UserStateData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.people.applyState(tx, event.data, event.aggregateVersion),
    );
  }
}
