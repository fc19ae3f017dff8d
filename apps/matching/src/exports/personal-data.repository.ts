import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What matching keeps in Postgres about one person, for their export: their swipes and matches. */
@Injectable()
export class PersonalDataRepository {
  /** The person's own swipes; others' swipes on them are not theirs to see. */
  async swipes(tx: EntityManager, userId: string) {
    const rows = (await tx.query(
      `SELECT id, target_id, action, created_at FROM swipes WHERE swiper_id = $1
       ORDER BY created_at, id`,
      [userId],
    )) as { id: string; target_id: string; action: string; created_at: Date }[];
    return rows.map((row) => ({
      id: row.id,
      targetId: row.target_id,
      action: row.action,
      createdAt: row.created_at.toISOString(),
    }));
  }

  async matches(tx: EntityManager, userId: string) {
    const rows = (await tx.query(
      `SELECT id, user_a, user_b, score, shared_interests, status, ended_reason, created_at
       FROM matches WHERE user_a = $1 OR user_b = $1 ORDER BY created_at, id`,
      [userId],
    )) as {
      id: string;
      user_a: string;
      user_b: string;
      score: number;
      shared_interests: string[];
      status: string;
      ended_reason: string | null;
      created_at: Date;
    }[];
    return rows.map((row) => ({
      id: row.id,
      partnerId: row.user_a === userId ? row.user_b : row.user_a,
      score: row.score,
      sharedInterests: row.shared_interests,
      status: row.status,
      endedReason: row.ended_reason,
      createdAt: row.created_at.toISOString(),
    }));
  }
}
