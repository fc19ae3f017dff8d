import { Inject, Injectable } from '@nestjs/common';
import type { ServiceName, TopicEnvelope } from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';
import { InboxService } from '../kafka/inbox.service';
import { OutboxService } from '../kafka/outbox.service';
import { SERVICE_NAME } from '../platform.tokens';
import type { ExportPart } from './export-part';
import { exportPartEvent } from './export-part';

/**
 * How a service with a database answers `export.requested`: the part is read and its
 * `export.part` recorded in the inbox's transaction, so a redelivered request is answered once.
 * A failure is retried with backoff by the consumer, like any handler's.
 */
@Injectable()
export class ExportPartsService {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    private readonly inbox: InboxService,
    private readonly outbox: OutboxService,
  ) {}

  async answer(
    request: TopicEnvelope<'export.requested'>,
    collect: (tx: EntityManager, userId: string) => Promise<ExportPart>,
  ): Promise<void> {
    await this.inbox.once(request, async (tx) => {
      const part = await collect(tx, request.data.userId);
      await this.outbox.add(tx, exportPartEvent(this.service, request.data, part));
    });
  }
}
