import { Injectable } from '@nestjs/common';
import { DomainError, TOPICS, USER_ERRORS } from '@rendezvous/contracts';
import { decodeCursor, invalidFields, OutboxService, toPage } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Page } from '@rendezvous/platform';
import { ConnectionsRepository } from '../connections/connections.repository';
import { UsersRepository } from '../users/users.repository';
import type { BlockView } from './block-view';
import type { BlockRow } from './blocks.repository';
import { BlocksRepository } from './blocks.repository';

const toView = (row: BlockRow): BlockView => ({
  userId: row.blocked_id,
  createdAt: row.created_at.toISOString(),
});

@Injectable()
export class BlocksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly connections: ConnectionsRepository,
    private readonly outbox: OutboxService,
    private readonly blocks: BlocksRepository,
  ) {}

  /** Blocking also ends any connection or pending request between the two. */
  async block(callerId: string, userId: string): Promise<BlockView> {
    if (userId === callerId) {
      throw invalidFields([{ path: 'userId', message: 'userId must not be yourself' }]);
    }
    return this.dataSource.transaction(async (tx) => {
      const row = await this.blockIn(tx, callerId, userId);
      if (!row) throw new DomainError(USER_ERRORS.ALREADY_BLOCKED, 'You already blocked this user');
      return toView(row);
    });
  }

  /**
   * Blocks within the caller's transaction (a report blocks this way too); undefined when the
   * block already existed, which changes nothing.
   */
  async blockIn(
    tx: EntityManager,
    callerId: string,
    userId: string,
  ): Promise<BlockRow | undefined> {
    // Both rows in id order: two people blocking or reporting each other at once cannot deadlock.
    const people = await this.users.lockAllActive(tx, [callerId, userId]);
    if (!people.has(callerId) || !people.has(userId)) {
      throw new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');
    }
    const row = await this.blocks.insert(tx, callerId, userId);
    if (!row) return undefined;
    await this.connections.removePair(tx, callerId, userId);
    await this.publish(tx, TOPICS.USER_BLOCKED, callerId, userId);
    return row;
  }

  async list(callerId: string, limit: number, cursor?: string): Promise<Page<BlockView>> {
    const after = decodeCursor(cursor, 'instant');
    const rows = await this.blocks.page(this.dataSource, callerId, after, limit);
    return toPage(
      rows,
      limit,
      (r) => ({ key: r.created_at.toISOString(), id: r.blocked_id }),
      toView,
    );
  }

  async unblock(callerId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.users.lockActive(tx, callerId);
      const removed = await this.blocks.delete(tx, callerId, userId);
      if (!removed)
        throw new DomainError(USER_ERRORS.BLOCK_NOT_FOUND, 'You have not blocked this user');
      await this.publish(tx, TOPICS.USER_UNBLOCKED, callerId, userId);
    });
  }

  /** Account deletion: blocks in both directions go, each with `user.unblocked`. */
  async removeAllOf(tx: EntityManager, userId: string): Promise<void> {
    for (const row of await this.blocks.deleteAllOf(tx, userId))
      await this.publish(tx, TOPICS.USER_UNBLOCKED, row.blocker_id, row.blocked_id);
  }

  private async publish(
    tx: EntityManager,
    type: 'user.blocked' | 'user.unblocked',
    blockerId: string,
    blockedId: string,
  ) {
    await this.outbox.add(tx, {
      type,
      aggregateId: blockerId,
      aggregateVersion: await this.users.nextVersion(tx, blockerId),
      data: { blockerId, blockedId },
    });
  }
}
