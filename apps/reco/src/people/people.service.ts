import { Injectable } from '@nestjs/common';
import type {
  ConnectionEventData,
  Envelope,
  MatchCreatedData,
  UserDeletedData,
  UserStateData,
} from '@rendezvous/contracts';
import type { EntityManager } from 'typeorm';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { tieStrength } from '../scoring/tie-strength';
import { BlocksProjection } from '@rendezvous/platform';
import { PeopleRepository } from './people.repository';
import type { TieRow } from './ties.repository';
import { TiesRepository } from './ties.repository';

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** Reco's projections of people (homes, deletions, blocks) and their ties, from events only. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly ties: TiesRepository,
    private readonly interactions: InteractionsRepository,
    private readonly blocks: BlocksProjection,
  ) {}

  applyState(tx: EntityManager, state: UserStateData, version: number): Promise<void> {
    return this.people.applyState(tx, state, version);
  }

  /**
   * Leaves a tombstone; the person's likes stop counting towards popularity, and their
   * interactions, sums, ties and blocks go.
   */
  async forget(tx: EntityManager, deleted: UserDeletedData, version: number): Promise<void> {
    const userId = deleted.userId;
    await this.people.tombstone(tx, userId, version, deleted.deletedAt);
    await this.interactions.removeAllOf(tx, userId);
    await this.ties.removeAllOf(tx, userId);
    await this.blocks.removeAllOf(tx, userId);
  }

  /** The connection's latest state: same connection newer version, or a later connection. */
  async applyConnection(tx: EntityManager, event: Envelope<ConnectionEventData>): Promise<void> {
    const data = event.data;
    const at = new Date(event.occurredAt);
    const tie = await this.lockTie(tx, data.fromUserId, data.toUserId);
    if (!tie) return;
    const newer =
      tie.row.connection_id === data.connectionId
        ? (tie.row.connection_version ?? 0) < event.aggregateVersion
        : tie.row.connection_at === null || tie.row.connection_at < at;
    if (!newer) return;
    const next: TieRow = {
      ...tie.row,
      connection_id: data.connectionId,
      connection_version: event.aggregateVersion,
      connection_strength: data.strength,
      connection_at: at,
    };
    await this.writeTie(tx, tie.pair, next);
  }

  /** A match is a strong tie, at once, even before the user service's connection event. */
  async applyMatch(tx: EntityManager, event: Envelope<MatchCreatedData>): Promise<void> {
    const [first, second] = event.data.userIds;
    if (first === second) return;
    const tie = await this.lockTie(tx, first, second);
    if (!tie) return;
    const at = new Date(event.occurredAt);
    if (tie.row.matched_at && tie.row.matched_at >= at) return;
    await this.writeTie(tx, tie.pair, { ...tie.row, matched_at: at });
  }

  /** The pair's row, locked; `null` when either person is deleted (their ties stay gone). */
  private async lockTie(
    tx: EntityManager,
    a: string,
    b: string,
  ): Promise<{ pair: [string, string]; row: TieRow } | null> {
    const pair = ordered(a, b);
    if (await this.people.anyDeleted(tx, pair)) return null;
    return { pair, row: await this.ties.lock(tx, pair) };
  }

  private writeTie(tx: EntityManager, pair: [string, string], row: TieRow): Promise<void> {
    const strength = tieStrength({
      connectionStrength: row.connection_strength,
      connectionAt: row.connection_at,
      matchedAt: row.matched_at,
    });
    return this.ties.write(tx, pair, { ...row, strength });
  }
}
