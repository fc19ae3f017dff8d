import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { BlocksProjection, InboxService, OnEvent, RedisStandings } from '@rendezvous/platform';
import { DeletedPeopleRepository } from './deleted-people.repository';
import { SessionLedgerRepository } from '../sessions/session-ledger.repository';
import { SessionStore } from '../sessions/session-store';
import { SessionsService } from '../sessions/sessions.service';

/**
 * What proximity needs from the user service: deletions, blocks and people's standing, each
 * committed in Postgres first (what Redis is rebuilt from when it loses them), then written to
 * Redis on every delivery (newer versions win there), where the scripts and token checks read.
 */
@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly store: SessionStore,
    private readonly sessions: SessionsService,
    private readonly inbox: InboxService,
    private readonly blocks: BlocksProjection,
    private readonly ledger: SessionLedgerRepository,
    private readonly standings: RedisStandings,
    private readonly deleted: DeletedPeopleRepository,
  ) {}

  @OnEvent(TOPICS.USER_DELETED)
  async onUserDeleted(event: TopicEnvelope<'user.deleted'>): Promise<void> {
    const { userId, deletedAt } = event.data;
    await this.inbox.once(event, async (tx) => {
      await this.deleted.add(tx, userId, deletedAt);
      await this.blocks.removeAllOf(tx, userId);
      await this.ledger.endAllOf(tx, userId);
    });
    // First the token refusal (never refused itself), then the session, which waits out a rebuild.
    await this.standings.applyDeleted(userId, event.aggregateVersion);
    await this.store.forget(event.id, userId);
  }

  // The pair's newest state by the blocker's version wins, whatever order the topics arrive in.
  @OnEvent(TOPICS.USER_BLOCKED, TOPICS.USER_UNBLOCKED)
  async onBlock(event: TopicEnvelope<'user.blocked' | 'user.unblocked'>): Promise<void> {
    const { blockerId, blockedId } = event.data;
    const active = event.type === TOPICS.USER_BLOCKED;
    await this.inbox.once(event, (tx) =>
      this.blocks.applyIfNewer(tx, event.data, active, event.aggregateVersion),
    );
    await this.store.setBlock(event.id, blockerId, blockedId, event.aggregateVersion, active);
  }

  @OnEvent(TOPICS.USER_STATUS_CHANGED)
  async onStatusChanged(event: TopicEnvelope<'user.status_changed'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.sessions.applyStanding(tx, event.data, event.aggregateVersion),
    );
    await this.standings.applyStatus(event.data, event.aggregateVersion);
  }
}
