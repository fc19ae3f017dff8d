import { Injectable } from '@nestjs/common';
import type { MatchEndReason } from '@rendezvous/contracts';
import { DomainError, MATCHING_ERRORS, TOPICS } from '@rendezvous/contracts';
import type { Page } from '@rendezvous/platform';
import { decodeCursor, OutboxService, toPage } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Compatibility } from '../discovery/compatibility';
import type { MatchRow } from './match-row';
import { matchViewFor } from './match-row';
import type { MatchView } from './match.shapes';
import { MatchesRepository } from './matches.repository';

@Injectable()
export class MatchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly matches: MatchesRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** Creates the pair's match with its `match.created` event; `null` if they already have one. */
  async create(
    tx: EntityManager,
    a: string,
    b: string,
    compatibility: Compatibility,
  ): Promise<MatchRow | null> {
    const row = await this.matches.create(tx, a, b, compatibility);
    if (!row) return null;
    await this.outbox.add(tx, {
      type: TOPICS.MATCH_CREATED,
      aggregateId: row.id,
      aggregateVersion: row.version,
      recipientIds: [row.user_a, row.user_b],
      data: {
        matchId: row.id,
        userIds: [row.user_a, row.user_b],
        score: row.score,
        sharedInterests: row.shared_interests,
        factors: row.factors,
      },
    });
    return row;
  }

  async listActive(userId: string, limit: number, cursor?: string): Promise<Page<MatchView>> {
    const rows = await this.matches.listActive(userId, limit + 1, decodeCursor(cursor, 'instant'));
    return toPage(
      rows,
      limit,
      (row) => ({ key: row.created_at.toISOString(), id: row.id }),
      (row) => matchViewFor(row, userId),
    );
  }

  /** Ends the match for both people; ending an already ended match changes nothing. */
  async unmatch(userId: string, matchId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const match = await this.matches.lockForParty(tx, matchId, userId);
      if (!match) throw new DomainError(MATCHING_ERRORS.MATCH_NOT_FOUND, 'No such match');
      await this.end(tx, { matchId }, 'unmatched', userId);
    });
  }

  /** A deleted person's matches end (their partners are told). */
  async endAllOf(tx: EntityManager, userId: string): Promise<void> {
    await this.end(tx, { userId }, 'deleted', null);
  }

  /** Ends up to `limit` active matches created before `createdBefore`; returns how many. */
  async expire(createdBefore: Date, limit: number): Promise<number> {
    return this.dataSource.transaction(
      async (tx) => (await this.end(tx, { createdBefore, limit }, 'expired', null)).length,
    );
  }

  private async end(
    tx: EntityManager,
    where: Parameters<MatchesRepository['end']>[1],
    reason: MatchEndReason,
    byUserId: string | null,
  ): Promise<MatchRow[]> {
    const ended = await this.matches.end(tx, where, reason, byUserId);
    for (const row of ended) {
      await this.outbox.add(tx, {
        type: TOPICS.MATCH_STATUS_UPDATED,
        aggregateId: row.id,
        aggregateVersion: row.version,
        recipientIds: [row.user_a, row.user_b],
        data: {
          matchId: row.id,
          userIds: [row.user_a, row.user_b],
          status: row.status,
          reason,
          byUserId,
        },
      });
    }
    return ended;
  }
}
