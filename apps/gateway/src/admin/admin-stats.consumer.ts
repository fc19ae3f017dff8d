import { Controller } from '@nestjs/common';
import type { AnyEnvelope, TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { OnEvent } from '@rendezvous/platform';
import { AdminStatsStore } from './admin-stats';
import { AdminStatsRecovery } from './admin-stats-recovery';
import { QUEUE_TOPICS } from './queue-gauge';
import { COUNTED_TOPICS } from './stats-deltas';

@Controller()
export class AdminStatsConsumer {
  constructor(
    private readonly stats: AdminStatsStore,
    private readonly recovery: AdminStatsRecovery,
  ) {}

  // An event met lost counters is left to the rebuild's replay; notifications go on meanwhile.
  @OnEvent(...COUNTED_TOPICS)
  async count(envelope: AnyEnvelope): Promise<void> {
    if ((await this.stats.count(envelope)) === 'lost') this.recovery.noticeLoss();
    if (envelope.type === TOPICS.USER_DELETED) await this.stats.forget(envelope.data.userId);
  }

  @OnEvent(...QUEUE_TOPICS)
  async moveTickets(envelope: AnyEnvelope): Promise<void> {
    await this.stats.moveTickets(envelope);
  }

  // Replacing a session re-scores the same person, so each person counts once.
  @OnEvent(TOPICS.PROXIMITY_SESSION_STARTED)
  async sessionStarted(envelope: TopicEnvelope<'proximity.session_started'>): Promise<void> {
    const { userId, expiresAt, sessionId } = envelope.data;
    await this.stats.sessionStarted(userId, expiresAt, sessionId);
  }

  @OnEvent(TOPICS.PROXIMITY_SESSION_ENDED)
  async sessionEnded(envelope: TopicEnvelope<'proximity.session_ended'>): Promise<void> {
    await this.stats.sessionEnded(envelope.data.userId, envelope.data.sessionId);
  }

  @OnEvent(TOPICS.STATS_REPORTED)
  async keepReport(envelope: TopicEnvelope<'stats.reported'>): Promise<void> {
    await this.stats.keepReport(envelope);
  }
}
