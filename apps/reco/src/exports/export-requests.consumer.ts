import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { ExportPartsService, OnEvent } from '@rendezvous/platform';
import { PersonalDataRepository } from './personal-data.repository';

@Controller()
export class ExportRequestsConsumer {
  constructor(
    private readonly parts: ExportPartsService,
    private readonly personalData: PersonalDataRepository,
  ) {}

  /** Reco’s part: the person’s venue interactions. */
  @OnEvent(TOPICS.EXPORT_REQUESTED)
  async onExportRequested(event: TopicEnvelope<'export.requested'>): Promise<void> {
    await this.parts.answer(event, (tx, userId) => this.personalData.partOf(tx, userId));
  }
}
