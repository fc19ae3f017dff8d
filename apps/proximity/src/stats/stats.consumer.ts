import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { SessionLedgerRepository } from '../sessions/session-ledger.repository';
import { utcDay } from './stats-rules';
import { StatsRepository } from './stats.repository';

/**
 * The service's own events, counted once each (the inbox) on the day they happened; sessions
 * also kept in the ledger of live ones (`SessionLedgerRepository`) in the same transaction.
 */
@Controller()
export class StatsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly stats: StatsRepository,
    private readonly ledger: SessionLedgerRepository,
  ) {}

  @OnEvent(TOPICS.PROXIMITY_SESSION_STARTED)
  async onSessionStarted(event: TopicEnvelope<'proximity.session_started'>): Promise<void> {
    await this.inbox.once(event, async (tx) => {
      await this.stats.countSession(tx, utcDay(event.occurredAt), event.data.categories);
      await this.ledger.started(tx, { ...event.data, startedAt: event.occurredAt });
    });
  }

  @OnEvent(TOPICS.PROXIMITY_SESSION_ENDED)
  async onSessionEnded(event: TopicEnvelope<'proximity.session_ended'>): Promise<void> {
    await this.inbox.once(event, (tx) => this.ledger.ended(tx, event.data));
  }

  @OnEvent(TOPICS.PROXIMITY_NUDGE)
  async onNudge(event: TopicEnvelope<'proximity.nudge'>): Promise<void> {
    await this.inbox.once(event, (tx) => this.stats.countMatch(tx, utcDay(event.occurredAt)));
  }
}
