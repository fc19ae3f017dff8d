import { aProfile } from '../../test/a-profile';
import type { MatchingConfig } from '../config';
import type { Scored } from '../discovery/discovery-ranking';
import type { ImpressionRecorder } from './impression-recorder';
import type { Impression } from './impressions.repository';
import { LearnedRanking } from './learned-ranking';
import type { PersonSignals } from './ranking-features';
import { FEATURE_NAMES, NO_SIGNALS } from './ranking-features';
import type { RankingState, ServingModel } from './ranking-state';
import type { SignalsRepository } from './signals.repository';

const now = new Date('2026-06-01T12:00:00Z');
const factors = { profile: 0, interests: 0, location: 0, industry: 0, activity: 0 };
const scored = (userId: string, score: number): Scored => ({
  candidate: aProfile(userId).build(),
  compatibility: { score, factors, sharedInterests: [], distanceKm: null },
});

// Scores only the rule-based score: sigmoid(4 * (rule - 0.5)) with unit scales.
const model: ServingModel = {
  version: 3,
  parameters: {
    means: FEATURE_NAMES.map((_, i) => (i === 0 ? 0.5 : 0)),
    scales: FEATURE_NAMES.map(() => 1),
    weights: FEATURE_NAMES.map((_, i) => (i === 0 ? 4 : 0)),
    bias: 0,
  },
};

function ranking(signals: Record<string, Partial<PersonSignals>>, active: ServingModel | null) {
  const recorded: Impression[] = [];
  const state = {
    model: active,
    signalsOf: (id: string) => ({ ...NO_SIGNALS, ...signals[id] }),
  } as unknown as RankingState;
  const config = {
    MATCHING_ACTIVITY_HALF_LIFE_DAYS: 7,
    MATCHING_MODEL_MIN_SWIPES: 10,
    MATCHING_MODEL_NEWCOMER_SWIPES: 5,
    MATCHING_MODEL_NEWCOMER_BOOST: 0.1,
  } as MatchingConfig;
  const recorder = { record: (rows: Impression[]) => recorded.push(...rows) };
  const learned = new LearnedRanking(
    state,
    {} as SignalsRepository,
    recorder as unknown as ImpressionRecorder,
    config,
  );
  return { learned, recorded };
}

describe(LearnedRanking.name, () => {
  const viewer = aProfile('00000000-0000-4000-8000-00000000000a').build();
  const pool = [
    scored('00000000-0000-4000-8000-000000000001', 0.8),
    scored('00000000-0000-4000-8000-000000000002', 0.6),
  ];
  const seasoned = { swipesReceived: 50 };

  it('leaves the rule-based order while no model is active', async () => {
    const { learned } = ranking({ [viewer.userId]: { swipesGiven: 99 } }, null);
    const result = await learned.rerank(viewer, pool, 500, now);
    expect(result.scored.some((item) => item.learned)).toBe(false);
  });

  it('leaves the rule-based order for a viewer with fewer swipes than the cold-start bar', async () => {
    const { learned } = ranking({ [viewer.userId]: { swipesGiven: 9 } }, model);
    const result = await learned.rerank(viewer, pool, 500, now);
    expect(result.scored.some((item) => item.learned)).toBe(false);
  });

  it('puts the model’s chance of a like on each candidate, with its version', async () => {
    const { learned } = ranking(
      {
        [viewer.userId]: { swipesGiven: 10 },
        [pool[0].candidate.userId]: seasoned,
        [pool[1].candidate.userId]: seasoned,
      },
      model,
    );
    const result = await learned.rerank(viewer, pool, 500, now);
    const expected = 1 / (1 + Math.exp(-4 * (0.8 - 0.5)));
    expect(result.scored[0].learned).toEqual({
      score: Math.round(expected * 10_000) / 10_000,
      version: 3,
      features: expect.any(Array),
    });
  });

  it('raises newcomers by the boost so they are still shown (exploration)', async () => {
    const { learned } = ranking(
      { [viewer.userId]: { swipesGiven: 10 }, [pool[0].candidate.userId]: seasoned },
      model,
    );
    const [seasonedItem, newcomer] = (await learned.rerank(viewer, pool, 500, now)).scored;
    const chance = 1 / (1 + Math.exp(-4 * (0.6 - 0.5)));
    expect(newcomer.learned?.score).toBeCloseTo(chance + 0.1, 4);
    expect(seasonedItem.learned?.score).toBeGreaterThan(0);
  });

  it('records what was shown with its rank, rule-based score, features and model', async () => {
    const { learned, recorded } = ranking({ [viewer.userId]: { swipesGiven: 10 } }, model);
    const result = await learned.rerank(viewer, pool, 500, now);
    learned.recordShown(viewer, result.scored, result.featuresOf, now);
    expect(
      recorded.map((row) => [row.candidateId, row.rank, row.ruleScore, row.modelVersion]),
    ).toEqual([
      [pool[0].candidate.userId, 1, 0.8, 3],
      [pool[1].candidate.userId, 2, 0.6, 3],
    ]);
    expect(recorded[0].features).toHaveLength(FEATURE_NAMES.length);
  });
});
