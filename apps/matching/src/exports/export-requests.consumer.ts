import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { ExportPartsService, OnEvent } from '@rendezvous/platform';
import { QueueStore } from '../queue/queue-store';
import { ImpressionsRepository } from '../ranking/impressions.repository';
import { PersonalDataRepository } from './personal-data.repository';

@Controller()
export class ExportRequestsConsumer {
  constructor(
    private readonly parts: ExportPartsService,
    private readonly personalData: PersonalDataRepository,
    private readonly queue: QueueStore,
    private readonly impressions: ImpressionsRepository,
  ) {}

  /**
   * Matching's part: the person's swipes, matches, current queue ticket (Redis), if any, and
   * whom discovery showed them (impressions).
   */
  @OnEvent(TOPICS.EXPORT_REQUESTED)
  async onExportRequested(event: TopicEnvelope<'export.requested'>): Promise<void> {
    const ticket = await this.queue.current(event.data.userId);
    await this.parts.answer(event, async (tx, userId) => ({
      swipes: await this.personalData.swipes(tx, userId),
      matches: await this.personalData.matches(tx, userId),
      queueTickets: ticket ? [ticket] : [],
      impressions: await this.impressions.shownTo(tx, userId),
    }));
  }
}
