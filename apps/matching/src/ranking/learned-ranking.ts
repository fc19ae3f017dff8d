import { Injectable } from '@nestjs/common';
import { MatchingConfig } from '../config';
import type { Scored } from '../discovery/discovery-ranking';
import type { MatchProfile } from '../discovery/match-profile';
import { ImpressionRecorder } from './impression-recorder';
import { featuresFor } from './ranking-features';
import { modelScore } from './ranking-model';
import { RankingState } from './ranking-state';
import { SignalsRepository } from './signals.repository';

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Discovery's side of the learned ranking: puts the active model's score on the pool (when the
 * viewer has swiped enough for it to rank for them), and records what was shown.
 */
@Injectable()
export class LearnedRanking {
  constructor(
    private readonly state: RankingState,
    private readonly signals: SignalsRepository,
    private readonly recorder: ImpressionRecorder,
    private readonly config: MatchingConfig,
  ) {}

  /**
   * The pool with the model's scores on it, or as it came while the rule-based score ranks.
   * Newcomers (swiped on fewer than `MATCHING_MODEL_NEWCOMER_SWIPES` times, so the model knows
   * little of how liked they are) rank `MATCHING_MODEL_NEWCOMER_BOOST` higher: exploration.
   */
  async rerank(
    viewer: MatchProfile,
    scored: Scored[],
    poolSize: number,
    now: Date,
  ): Promise<{ scored: Scored[]; featuresOf: (item: Scored) => number[] }> {
    const viewerSignals = this.state.signalsOf(viewer.userId);
    const mutual =
      viewerSignals.connections > 0 && scored.length > 0
        ? await this.signals.mutualConnections(
            viewer.userId,
            scored.map((item) => item.candidate.userId),
          )
        : new Map<string, number>();
    const pairWith = featuresFor({
      viewer,
      viewerSignals,
      poolDensity: poolSize > 0 ? scored.length / poolSize : 0,
      activityHalfLifeDays: this.config.MATCHING_ACTIVITY_HALF_LIFE_DAYS,
      now,
    });
    const featuresOf = (item: Scored) =>
      item.learned?.features ??
      pairWith({
        candidate: item.candidate,
        candidateSignals: this.state.signalsOf(item.candidate.userId),
        compatibility: item.compatibility,
        mutualConnections: mutual.get(item.candidate.userId) ?? 0,
      });
    const model = this.state.model;
    if (!model || viewerSignals.swipesGiven < this.config.MATCHING_MODEL_MIN_SWIPES) {
      return { scored, featuresOf };
    }
    const boost = this.config.MATCHING_MODEL_NEWCOMER_BOOST;
    const newcomerBelow = this.config.MATCHING_MODEL_NEWCOMER_SWIPES;
    return {
      scored: scored.map((item) => {
        const features = featuresOf(item);
        const chance = modelScore(model.parameters, features);
        const newcomer = this.state.signalsOf(item.candidate.userId).swipesReceived < newcomerBelow;
        const score = round4(newcomer ? Math.min(1, chance + boost) : chance);
        return { ...item, learned: { score, version: model.version, features } };
      }),
      featuresOf,
    };
  }

  /** Hands the shown page to the impression buffer; nothing here waits for the database. */
  recordShown(
    viewer: MatchProfile,
    shown: readonly Scored[],
    featuresOf: (item: Scored) => number[],
    now: Date,
  ): void {
    this.recorder.record(
      shown.map((item, index) => ({
        viewerId: viewer.userId,
        candidateId: item.candidate.userId,
        shownAt: now,
        rank: index + 1,
        ruleScore: item.compatibility.score,
        factors: item.compatibility.factors,
        features: featuresOf(item),
        modelVersion: item.learned?.version ?? null,
      })),
    );
  }
}
