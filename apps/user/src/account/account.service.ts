import { Injectable } from '@nestjs/common';
import { TOPICS } from '@rendezvous/contracts';
import { OutboxService } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import { revokeAllOfUser } from '../auth/refresh-tokens.repository';
import { BlocksService } from '../blocks/blocks.service';
import { ConnectionsRepository } from '../connections/connections.repository';
import { ExportsRepository } from '../exports/exports.repository';
import { TimeslotsService } from '../timeslots/timeslots.service';
import { UsersRepository } from '../users/users.repository';

/** Deletes an account in one transaction: everything of the person goes, with its events. */
@Injectable()
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly timeslots: TimeslotsService,
    private readonly connections: ConnectionsRepository,
    private readonly blocks: BlocksService,
    private readonly exports: ExportsRepository,
    private readonly outbox: OutboxService,
  ) {}

  async delete(userId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.users.lockActive(tx, userId);
      await revokeAllOfUser(tx, userId);
      await this.timeslots.removeAllFor(tx, userId);
      await this.connections.removeAllOf(tx, userId);
      await this.blocks.removeAllOf(tx, userId);
      await this.exports.deleteAllOf(tx, userId);
      const { version, deletedAt } = await this.users.tombstone(tx, userId);
      await this.outbox.add(tx, {
        type: TOPICS.USER_DELETED,
        aggregateId: userId,
        aggregateVersion: version,
        data: { userId, deletedAt: deletedAt.toISOString() },
      });
    });
  }
}
