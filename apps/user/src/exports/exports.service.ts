import { Injectable } from '@nestjs/common';
import type { ExportPartData } from '@rendezvous/contracts';
import { DomainError, TOPICS, USER_ERRORS } from '@rendezvous/contracts';
import { OutboxService } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { UserConfig } from '../config';
import { UsersRepository } from '../users/users.repository';
import { assembled, currentStatus, expiryOf } from './export-rules';
import type { ExportView } from './export-view';
import { toExportView } from './export-view';
import { ExportsRepository } from './exports.repository';

/**
 * Personal-data exports (API.md, Your data): the request goes out as `export.requested`, every
 * service answers with its `export.part`, and the export is ready once all have answered.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly exports: ExportsRepository,
    private readonly outbox: OutboxService,
    private readonly config: UserConfig,
  ) {}

  private get partTimeoutMs(): number {
    return this.config.EXPORT_PART_TIMEOUT_SECONDS * 1000;
  }

  /** One pending export per person: the request and its event in one transaction. */
  async request(userId: string): Promise<ExportView> {
    return this.dataSource.transaction(async (tx) => {
      // The person's row lock orders their requests; the unique index holds regardless.
      await this.users.lockActive(tx, userId);
      await this.exports.failOverdue(tx, this.config.EXPORT_PART_TIMEOUT_SECONDS, { userId });
      const created = await this.exports.insertPending(tx, userId);
      if (!created) {
        throw new DomainError(USER_ERRORS.EXPORT_PENDING, 'An export of yours is being prepared');
      }
      await this.outbox.add(tx, {
        type: TOPICS.EXPORT_REQUESTED,
        aggregateId: userId,
        aggregateVersion: await this.exports.countOf(tx, userId),
        data: {
          exportId: created.id,
          userId,
          requestedAt: created.createdAt.toISOString(),
        },
      });
      return toExportView(created, created.createdAt, this.partTimeoutMs);
    });
  }

  async get(userId: string, id: string): Promise<ExportView> {
    const found = await this.exports.findOf(this.dataSource, id, userId);
    if (!found) throw new DomainError(USER_ERRORS.EXPORT_NOT_FOUND, 'No such export');
    return toExportView(found, new Date(), this.partTimeoutMs);
  }

  /**
   * One service's part: kept while the export is pending; the last one makes it ready and
   * announces it. A part for an export that failed, expired or is gone changes nothing.
   */
  async applyPart(tx: EntityManager, part: ExportPartData): Promise<void> {
    const found = await this.exports.lock(tx, part.exportId);
    if (!found || found.userId !== part.userId) return;
    const now = new Date();
    if (currentStatus(found, now, this.partTimeoutMs) !== 'pending') return;
    await this.exports.addPart(tx, found.id, part.service, part.part);
    const data = assembled(await this.exports.parts(tx, found.id));
    if (!data) return;
    const expiresAt = expiryOf(now, this.config.EXPORT_RETENTION_DAYS);
    await this.exports.markReady(tx, found.id, { data, readyAt: now, expiresAt });
    await this.outbox.add(tx, {
      type: TOPICS.EXPORT_READY,
      aggregateId: found.id,
      // Version 1 was the request.
      aggregateVersion: 2,
      recipientIds: [found.userId],
      data: {
        exportId: found.id,
        userId: found.userId,
        readyAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      },
    });
  }
}
