import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MatchEndReason } from '@rendezvous/contracts';
import type { Cursor } from '@rendezvous/platform';
import { suspendedPersonSql } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Compatibility } from '../discovery/compatibility';
import type { MatchRow } from './match-row';
import { orderedPair } from './match-row';

const COLUMNS = 'id, user_a, user_b, score, factors, shared_interests, status, version, created_at';

// A match with a suspended or banned person is, to the other, as if unknown.
const partnerAvailable = (userParam: string) =>
  `NOT ${suspendedPersonSql(`CASE WHEN user_a = ${userParam} THEN user_b ELSE user_a END`)}`;

@Injectable()
export class MatchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The pair's match, created now; `null` if the pair already has one (the unique pair wins). */
  async create(
    tx: EntityManager,
    a: string,
    b: string,
    compatibility: Compatibility,
  ): Promise<MatchRow | null> {
    const [userA, userB] = orderedPair(a, b);
    const rows = (await tx.query(
      `INSERT INTO matches (id, user_a, user_b, score, factors, shared_interests)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_a, user_b) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        userA,
        userB,
        compatibility.score,
        JSON.stringify(compatibility.factors),
        compatibility.sharedInterests,
      ],
    )) as MatchRow[];
    return rows[0] ?? null;
  }

  async listActive(userId: string, limit: number, after: Cursor | null): Promise<MatchRow[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM matches
       WHERE status = 'active' AND (user_a = $1 OR user_b = $1) AND ${partnerAvailable('$1')}
         AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [userId, after?.key ?? null, after?.id ?? null, limit],
    )) as MatchRow[];
  }

  /** The match, locked, if `userId` is one of its people and the other is not suspended. */
  async lockForParty(tx: EntityManager, matchId: string, userId: string) {
    const rows = (await tx.query(
      `SELECT ${COLUMNS} FROM matches
       WHERE id = $1 AND (user_a = $2 OR user_b = $2) AND ${partnerAvailable('$2')} FOR UPDATE`,
      [matchId, userId],
    )) as MatchRow[];
    return rows[0] ?? null;
  }

  /** Ends active matches chosen by `where` (locked, skipping ones another replica holds). */
  async end(
    tx: EntityManager,
    where: { matchId: string } | { userId: string } | { createdBefore: Date; limit: number },
    reason: MatchEndReason,
    byUserId: string | null,
  ): Promise<MatchRow[]> {
    const [condition, params] =
      'matchId' in where
        ? ['id = $3', [where.matchId]]
        : 'userId' in where
          ? ['(user_a = $3 OR user_b = $3)', [where.userId]]
          : [
              `id IN (SELECT id FROM matches WHERE status = 'active' AND created_at < $3
                ORDER BY created_at LIMIT $4 FOR UPDATE SKIP LOCKED)`,
              [where.createdBefore, where.limit],
            ];
    const [rows] = (await tx.query(
      `UPDATE matches SET status = 'unmatched', ended_reason = $1, ended_by = $2,
         version = version + 1, updated_at = now()
       WHERE status = 'active' AND ${condition}
       RETURNING ${COLUMNS}`,
      [reason, byUserId, ...params],
    )) as [MatchRow[], number];
    return rows;
  }
}
