import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { ExportPartsService, OnEvent } from '@rendezvous/platform';
import { QueueStore } from '../queue/queue-store';
import { PersonalDataRepository } from './personal-data.repository';

@Controller()
export class ExportRequestsConsumer {
  constructor(
    private readonly parts: ExportPartsService,
    private readonly personalData: PersonalDataRepository,
    private readonly queue: QueueStore,
  ) {}

  /** Matching's part: the person's swipes, matches and current queue ticket (Redis), if any. */
  @OnEvent(TOPICS.EXPORT_REQUESTED)
  async onExportRequested(event: TopicEnvelope<'export.requested'>): Promise<void> {
    const ticket = await this.queue.current(event.data.userId);
    await this.parts.answer(event, async (tx, userId) => ({
      swipes: await this.personalData.swipes(tx, userId),
      matches: await this.personalData.matches(tx, userId),
      queueTickets: ticket ? [ticket] : [],
    }));
  }
}
