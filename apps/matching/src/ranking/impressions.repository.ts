import { Injectable } from '@nestjs/common';
import type { CompatibilityFactors } from '@rendezvous/contracts';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { LabelledExample } from './training-run';

/** One person discovery showed to another. */
export interface Impression {
  viewerId: string;
  candidateId: string;
  shownAt: Date;
  /** 1-based position in the answer that showed them. */
  rank: number;
  ruleScore: number;
  factors: CompatibilityFactors;
  features: number[];
  /** The model that ranked the answer; `null` for the rule-based order. */
  modelVersion: number | null;
}

interface ExampleRow {
  viewer_id: string;
  candidate_id: string;
  shown_at: Date;
  features: number[];
  rule_score: number;
  liked: boolean;
}

@Injectable()
export class ImpressionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement for the batch; people deleted meanwhile are left out (their tombstone). */
  async insertBatch(impressions: readonly Impression[]): Promise<void> {
    if (impressions.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO ranking_impressions
         (viewer_id, candidate_id, shown_at, rank, rule_score, factors, features, model_version)
       SELECT i.viewer_id, i.candidate_id, i.shown_at, i.rank, i.rule_score, i.factors,
              ARRAY(SELECT jsonb_array_elements_text(i.features)::real), i.model_version
       FROM jsonb_to_recordset($1::jsonb) AS i (viewer_id uuid, candidate_id uuid,
         shown_at timestamptz, rank smallint, rule_score real, factors jsonb, features jsonb,
         model_version integer)
       WHERE NOT EXISTS (SELECT 1 FROM profiles p
                         WHERE p.user_id IN (i.viewer_id, i.candidate_id)
                           AND p.deleted_at IS NOT NULL)`,
      [
        JSON.stringify(
          impressions.map((impression) => ({
            viewer_id: impression.viewerId,
            candidate_id: impression.candidateId,
            shown_at: impression.shownAt.toISOString(),
            rank: impression.rank,
            rule_score: impression.ruleScore,
            factors: impression.factors,
            features: impression.features,
            model_version: impression.modelVersion,
          })),
        ),
      ],
    );
  }

  /** Deletes up to `batch` impressions older than `cutoff`; returns how many went. */
  async deleteOlderThan(cutoff: Date, batch: number): Promise<number> {
    // A DELETE's answer from TypeORM is [rows, count].
    const [, count] = (await this.dataSource.query(
      `WITH old AS (SELECT ctid FROM ranking_impressions WHERE shown_at < $1 LIMIT $2)
       DELETE FROM ranking_impressions WHERE ctid IN (SELECT ctid FROM old)`,
      [cutoff, batch],
    )) as [unknown[], number];
    return count;
  }

  async removeAllOf(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('DELETE FROM ranking_impressions WHERE viewer_id = $1 OR candidate_id = $1', [
      userId,
    ]);
  }

  /** What the person was shown, for their export; who saw them is others' data. */
  async shownTo(tx: EntityManager, userId: string) {
    const rows = (await tx.query(
      `SELECT candidate_id, shown_at, rank, rule_score, factors, model_version
       FROM ranking_impressions WHERE viewer_id = $1 ORDER BY shown_at, rank`,
      [userId],
    )) as {
      candidate_id: string;
      shown_at: Date;
      rank: number;
      rule_score: number;
      factors: CompatibilityFactors;
      model_version: number | null;
    }[];
    return rows.map((row) => ({
      userId: row.candidate_id,
      shownAt: row.shown_at.toISOString(),
      rank: row.rank,
      score: row.rule_score,
      factors: row.factors,
      modelVersion: row.model_version,
    }));
  }

  /**
   * Labelled examples: each (viewer, person shown) pair once, as last shown before the viewer
   * swiped (or last shown, if never swiped), labelled liked for a like or super like; a pass,
   * or no swipe `ignoredBefore` after showing, is not liked. The newest `limit`, oldest first.
   */
  async labelledExamples(
    ignoredBefore: Date,
    featureCount: number,
    limit: number,
  ): Promise<LabelledExample[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (i.viewer_id, i.candidate_id)
                i.viewer_id, i.candidate_id, i.shown_at, i.features, i.rule_score,
                coalesce(s.action IN ('like', 'super_like'), false) AS liked
         FROM ranking_impressions i
         LEFT JOIN swipes s ON s.swiper_id = i.viewer_id AND s.target_id = i.candidate_id
         WHERE cardinality(i.features) = $2
           AND (s.created_at IS NULL AND i.shown_at < $1 OR i.shown_at <= s.created_at)
         ORDER BY i.viewer_id, i.candidate_id, i.shown_at DESC
       ) AS examples
       ORDER BY shown_at DESC LIMIT $3`,
      [ignoredBefore, featureCount, limit],
    )) as ExampleRow[];
    return rows.reverse().map((row) => ({
      viewerId: row.viewer_id,
      candidateId: row.candidate_id,
      shownAt: row.shown_at,
      features: row.features,
      ruleScore: row.rule_score,
      liked: row.liked,
    }));
  }
}
