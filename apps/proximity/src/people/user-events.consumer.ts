import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type {
  Envelope,
  UserBlockData,
  UserDeletedData,
  UserStatusData,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService } from '@rendezvous/platform';
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

  @EventPattern(TOPICS.USER_DELETED)
  async onUserDeleted(@Payload() event: Envelope<UserDeletedData>): Promise<void> {
    await this.store.forget(event.id, event.data.userId);
  }

  // The pair's newest state by the blocker's version wins, whatever order the topics arrive in.
  @EventPattern([TOPICS.USER_BLOCKED, TOPICS.USER_UNBLOCKED])
  async onBlock(@Payload() event: Envelope<UserBlockData>): Promise<void> {
    const { blockerId, blockedId } = event.data;
    const active = event.type === TOPICS.USER_BLOCKED;
    await this.store.setBlock(event.id, blockerId, blockedId, event.aggregateVersion, active);
  }

  @EventPattern(TOPICS.USER_STATUS_CHANGED)
  async onStatusChanged(@Payload() event: Envelope<UserStatusData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.sessions.applyStanding(tx, event.data, event.aggregateVersion),
    );
  }
}
