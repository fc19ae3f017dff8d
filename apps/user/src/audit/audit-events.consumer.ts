import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { AuditRecordedData, Envelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { AuditService } from './audit.service';

@Controller()
export class AuditEventsConsumer {
  constructor(private readonly audit: AuditService) {}

  @EventPattern(TOPICS.AUDIT_RECORDED)
  async onAuditRecorded(@Payload() event: Envelope<AuditRecordedData>): Promise<void> {
    await this.audit.record(event);
  }
}
