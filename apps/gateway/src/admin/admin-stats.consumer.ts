import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Envelope, ProximitySessionStartedData, UserDeletedData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { AdminStatsStore } from './admin-stats';
import { STATS_TOPICS } from './stats-deltas';

@Controller()
export class AdminStatsConsumer {
  constructor(private readonly stats: AdminStatsStore) {}

  @EventPattern(STATS_TOPICS)
  async count(@Payload() envelope: Envelope): Promise<void> {
    await this.stats.count(envelope);
    if (envelope.type === TOPICS.USER_DELETED) {
      await this.stats.forget((envelope.data as UserDeletedData).userId);
    }
  }

  // Replacing a session re-scores the same person, so each person counts once.
  @EventPattern(TOPICS.PROXIMITY_SESSION_STARTED)
  async sessionStarted(@Payload() envelope: Envelope<ProximitySessionStartedData>): Promise<void> {
    await this.stats.sessionStarted(envelope.data.userId, envelope.data.expiresAt);
  }
}
