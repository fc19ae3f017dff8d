import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type {
  Envelope,
  ProximityNudgeData,
  ProximitySessionStartedData,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService } from '@rendezvous/platform';
import { utcDay } from './stats-rules';
import { StatsRepository } from './stats.repository';

/** The service's own events, counted once each (the inbox) on the day they happened. */
@Controller()
export class StatsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly stats: StatsRepository,
  ) {}

  @EventPattern(TOPICS.PROXIMITY_SESSION_STARTED)
  async onSessionStarted(@Payload() event: Envelope<ProximitySessionStartedData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.stats.countSession(tx, utcDay(event.occurredAt), event.data.categories),
    );
  }

  @EventPattern(TOPICS.PROXIMITY_NUDGE)
  async onNudge(@Payload() event: Envelope<ProximityNudgeData>): Promise<void> {
    await this.inbox.once(event, (tx) => this.stats.countMatch(tx, utcDay(event.occurredAt)));
  }
}
