import { Injectable } from '@nestjs/common';
import { DomainError, TOPICS, USER_ERRORS } from '@rendezvous/contracts';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { BlocksRepository } from '../blocks/blocks.repository';
import type { Page } from '@rendezvous/platform';
import { decodeCursor, invalidFields, toPage } from '@rendezvous/platform';
import { UsersRepository } from '../users/users.repository';
import { connectionStatus, connectionStrength, displayType } from './connection-rules';
import type { ConnectionView } from './connection-view';
import type { ConnectionRow } from './connections.repository';
import { ConnectionsRepository, factsOf, otherParty } from './connections.repository';

function view(row: ConnectionRow, callerId: string): ConnectionView {
  const facts = factsOf(row);
  return {
    userId: otherParty(row, callerId),
    status: connectionStatus(facts),
    type: displayType(facts),
    strength: connectionStrength(facts),
    ...(row.requester_id
      ? { direction: row.requester_id === callerId ? ('outgoing' as const) : ('incoming' as const) }
      : {}),
  };
}

const notFound = () => new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');

@Injectable()
export class ConnectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly connections: ConnectionsRepository,
    private readonly blocks: BlocksRepository,
  ) {}

  async request(callerId: string, userId: string): Promise<ConnectionView> {
    if (userId === callerId) {
      throw invalidFields([{ path: 'userId', message: 'userId must not be yourself' }]);
    }
    return this.dataSource.transaction(async (tx) => {
      // Share locks: neither person can finish deleting their account meanwhile.
      const active = await this.users.shareLockActive(tx, [callerId, userId]);
      if (!active.has(userId) || !active.has(callerId)) throw notFound();
      if (await this.blocks.isBlockedEitherWay(tx, callerId, userId)) throw notFound();
      if (await this.users.isSuspended(tx, userId)) throw notFound();
      const row = await this.connections.insert(tx, callerId, userId, { requesterId: callerId });
      if (!row) {
        throw new DomainError(
          USER_ERRORS.CONNECTION_EXISTS,
          'You are already connected or a request is pending',
        );
      }
      await this.connections.publish(tx, TOPICS.CONNECTION_REQUESTED, row, callerId, true);
      return view(row, callerId);
    });
  }

  /** Only the recipient of a request accepts it; a repeat accept answers the same, silently. */
  async accept(callerId: string, requesterId: string): Promise<ConnectionView> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.connections.lockPair(tx, callerId, requesterId);
      const hidden = row !== undefined && (await this.users.isSuspended(tx, requesterId));
      if (!row || hidden || row.requester_id !== requesterId || requesterId === callerId) {
        throw new DomainError(USER_ERRORS.CONNECTION_NOT_FOUND, 'No request from this user');
      }
      if (row.request_accepted_at) return view(row, callerId);
      const accepted = await this.connections.markAccepted(tx, row.id);
      await this.connections.publish(tx, TOPICS.CONNECTION_ACCEPTED, accepted, callerId, true);
      return view(accepted, callerId);
    });
  }

  async list(callerId: string, limit: number, cursor?: string): Promise<Page<ConnectionView>> {
    const rows = await this.connections.page(
      this.dataSource.manager,
      callerId,
      decodeCursor(cursor, 'instant'),
      limit,
    );
    return toPage(
      rows,
      limit,
      (r) => ({ key: r.created_at.toISOString(), id: r.id }),
      (r) => view(r, callerId),
    );
  }

  async remove(callerId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.connections.removePair(tx, callerId, userId))) {
        throw new DomainError(USER_ERRORS.CONNECTION_NOT_FOUND, 'No connection with this user');
      }
    });
  }

  /**
   * A match makes (or adds to) the pair's connection, accepted at once. Deleted or blocked
   * people get none; that outcome is recorded like any other, so redelivery changes nothing.
   */
  async applyMatch(tx: EntityManager, [first, second]: [string, string]): Promise<void> {
    if (first === second) return;
    const active = await this.users.shareLockActive(tx, [first, second]);
    if (!active.has(first) || !active.has(second)) return;
    if (await this.blocks.isBlockedEitherWay(tx, first, second)) return;
    const inserted = await this.connections.insert(tx, first, second, { matched: true });
    if (inserted) {
      await this.connections.publish(tx, TOPICS.CONNECTION_ACCEPTED, inserted, first, false);
      return;
    }
    const row = await this.connections.lockPair(tx, first, second);
    if (!row || row.matched_at) return;
    const matched = await this.connections.markMatched(tx, row.id);
    await this.connections.publish(tx, TOPICS.CONNECTION_ACCEPTED, matched, first, false);
  }
}
