import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { OnEvent } from '@rendezvous/platform';
import { AuditService } from './audit.service';

@Controller()
export class AuditEventsConsumer {
  constructor(private readonly audit: AuditService) {}

  @OnEvent(TOPICS.AUDIT_RECORDED)
  async onAuditRecorded(event: TopicEnvelope<'audit.recorded'>): Promise<void> {
    await this.audit.record(event);
  }
}
