import { Controller, Inject } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { OnEvent, REDIS, answerExportPartFromRedis } from '@rendezvous/platform';
import type Redis from 'ioredis';
import { SessionStore } from '../sessions/session-store';

@Controller()
export class ExportRequestsConsumer {
  constructor(
    private readonly sessions: SessionStore,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /**
   * Proximity's part: the live session if any, with its interest categories (the interests
   * themselves are kept only hashed). Proximity keeps nothing else per person.
   */
  @OnEvent(TOPICS.EXPORT_REQUESTED)
  async onExportRequested(event: TopicEnvelope<'export.requested'>): Promise<void> {
    const live = await this.sessions.mine(event.data.userId);
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const session = live && {
      sessionId: live.sessionId,
      interests: [...new Set(live.entries.map((entry) => entry.category))].sort(),
      startedAt: iso(live.startedAt),
      expiresAt: iso(live.expiresAt),
    };
    await answerExportPartFromRedis(this.redis, 'proximity', event, { session });
  }
}
