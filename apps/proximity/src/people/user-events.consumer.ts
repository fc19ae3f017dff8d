import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { SessionStore } from '../sessions/session-store';
import { SessionsService } from '../sessions/sessions.service';

/**
 * What proximity needs from the user service: deletions and blocks, kept in Redis, and people's
 * standing, kept in Postgres (`account_status`).
 */
@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly store: SessionStore,
    private readonly sessions: SessionsService,
    private readonly inbox: InboxService,
  ) {}

  @OnEvent(TOPICS.USER_DELETED)
  async onUserDeleted(event: TopicEnvelope<'user.deleted'>): Promise<void> {
    await this.store.forget(event.id, event.data.userId);
  }

  // The pair's newest state by the blocker's version wins, whatever order the topics arrive in.
  @OnEvent(TOPICS.USER_BLOCKED, TOPICS.USER_UNBLOCKED)
  async onBlock(event: TopicEnvelope<'user.blocked' | 'user.unblocked'>): Promise<void> {
    const { blockerId, blockedId } = event.data;
    const active = event.type === TOPICS.USER_BLOCKED;
    await this.store.setBlock(event.id, blockerId, blockedId, event.aggregateVersion, active);
  }

  @OnEvent(TOPICS.USER_STATUS_CHANGED)
  async onStatusChanged(event: TopicEnvelope<'user.status_changed'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.sessions.applyStanding(tx, event.data, event.aggregateVersion),
    );
  }
}
