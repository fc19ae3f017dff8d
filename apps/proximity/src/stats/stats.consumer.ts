import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService, OnEvent } from '@rendezvous/platform';
import { utcDay } from './stats-rules';
import { StatsRepository } from './stats.repository';

/** The service's own events, counted once each (the inbox) on the day they happened. */
@Controller()
export class StatsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly stats: StatsRepository,
  ) {}

  @OnEvent(TOPICS.PROXIMITY_SESSION_STARTED)
  async onSessionStarted(event: TopicEnvelope<'proximity.session_started'>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.stats.countSession(tx, utcDay(event.occurredAt), event.data.categories),
    );
  }

  @OnEvent(TOPICS.PROXIMITY_NUDGE)
  async onNudge(event: TopicEnvelope<'proximity.nudge'>): Promise<void> {
    await this.inbox.once(event, (tx) => this.stats.countMatch(tx, utcDay(event.occurredAt)));
  }
}
