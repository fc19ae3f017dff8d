import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { ExportPartsService, InboxService, OnEvent } from '@rendezvous/platform';
import { ExportsService } from './exports.service';
import { OwnDataRepository } from './own-data.repository';

@Controller()
export class ExportEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly exports: ExportsService,
    private readonly parts: ExportPartsService,
    private readonly ownData: OwnDataRepository,
  ) {}

  // The user service answers its own request like every other service, so its part takes the
  // same path, retries and deadline as theirs.
  @OnEvent(TOPICS.EXPORT_REQUESTED)
  async onExportRequested(event: TopicEnvelope<'export.requested'>): Promise<void> {
    await this.parts.answer(event, (tx, userId) => this.ownData.partOf(tx, userId));
  }

  @OnEvent(TOPICS.EXPORT_PART)
  async onExportPart(event: TopicEnvelope<'export.part'>): Promise<void> {
    await this.inbox.once(event, (tx) => this.exports.applyPart(tx, event.data));
  }
}
