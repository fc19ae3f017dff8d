import { Injectable } from '@nestjs/common';
import type { AuditRecordedData, Envelope } from '@rendezvous/contracts';
import type { Page } from '@rendezvous/platform';
import { InboxService, decodeCursor, toPage } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { AuditEntry } from './audit-entry';
import type { AuditFilters } from './audit-log.repository';
import { AuditLogRepository, auditCursor, toAuditEntry } from './audit-log.repository';

@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly log: AuditLogRepository,
  ) {}

  async list(filters: AuditFilters, limit: number, cursor?: string): Promise<Page<AuditEntry>> {
    const after = decodeCursor(cursor, 'instant');
    const rows = await this.log.page(this.dataSource.manager, filters, after, limit);
    return toPage(rows, limit, auditCursor, toAuditEntry);
  }

  /** Another service's action, appended under the event's id: a redelivery adds nothing. */
  async record(event: Envelope<AuditRecordedData>): Promise<void> {
    await this.inbox.once(event, (tx) => this.log.append(tx, { id: event.id, ...event.data }));
  }
}
