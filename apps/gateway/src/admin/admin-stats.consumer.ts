import { Controller } from '@nestjs/common';
import type { AnyEnvelope, TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { OnEvent } from '@rendezvous/platform';
import { AdminStatsStore } from './admin-stats';
import { STATS_TOPICS } from './stats-deltas';

@Controller()
export class AdminStatsConsumer {
  constructor(private readonly stats: AdminStatsStore) {}

  @OnEvent(...STATS_TOPICS)
  async count(envelope: AnyEnvelope): Promise<void> {
    await this.stats.count(envelope);
    if (envelope.type === TOPICS.USER_DELETED) await this.stats.forget(envelope.data.userId);
  }

  // Replacing a session re-scores the same person, so each person counts once.
  @OnEvent(TOPICS.PROXIMITY_SESSION_STARTED)
  async sessionStarted(envelope: TopicEnvelope<'proximity.session_started'>): Promise<void> {
    await this.stats.sessionStarted(envelope.data.userId, envelope.data.expiresAt);
  }
}
