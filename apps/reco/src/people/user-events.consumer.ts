import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import {
  AccountStatusProjection,
  BlocksProjection,
  InboxService,
  OnEvent,
} from '@rendezvous/platform';
import { PeopleService } from './people.service';

@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: PeopleService,
    private readonly blocks: BlocksProjection,
    private readonly accounts: AccountStatusProjection,
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
  }

  // Recommendations read the standing at request time (a timed suspension ends by itself).
  @OnEvent(TOPICS.USER_STATUS_CHANGED)
  async onStatusChanged(event: TopicEnvelope<'user.status_changed'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.accounts.applyIfNewer(tx, event.data, event.aggregateVersion),
    );
  }

  @OnEvent(TOPICS.USER_BLOCKED, TOPICS.USER_UNBLOCKED)
  async onBlock(event: TopicEnvelope<'user.blocked' | 'user.unblocked'>): Promise<void> {
    const active = event.type === TOPICS.USER_BLOCKED;
    await this.inbox.once(event, (tx) =>
      this.blocks.applyIfNewer(tx, event.data, active, event.aggregateVersion),
    );
  }
}
