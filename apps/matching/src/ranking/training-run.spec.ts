import { seededRandom } from '@rendezvous/platform';
import { fitLogistic } from './model-fit.worker';
import { fitInWorker } from './model-fitter';
import { modelScore } from './ranking-model';
import type { LabelledExample } from './training-run';
import { beatsRuleBased, mayRank, NotEnoughExamples, trainAndEvaluate } from './training-run';

/**
 * Viewers like people whose second feature is 1 (hidden from the "rule score", the first), with
 * noise; the rule score is noise. Viewers 0..29 come first in time, 30..39 last.
 */
function plantedExamples(count: number): LabelledExample[] {
  const random = seededRandom(7);
  return Array.from({ length: count }, (_, i) => {
    const planted = random() < 0.3 ? 1 : 0;
    const ruleScore = random();
    return {
      viewerId: `viewer-${Math.floor((i / count) * 40)}`,
      candidateId: `candidate-${i}`,
      shownAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      features: [ruleScore, planted, random()],
      ruleScore,
      liked: random() < (planted ? 0.7 : 0.1),
    };
  });
}

const settings = { validationShare: 0.25, steps: 300, learningRate: 0.5 };

describe(fitLogistic.name, () => {
  it('learns a weight that ranks the liked feature first', () => {
    const examples = plantedExamples(400);
    const values = Float64Array.from(examples.flatMap((example) => example.features));
    const labels = Uint8Array.from(examples, (example) => (example.liked ? 1 : 0));
    const model = fitLogistic({ values, columns: 3, labels, steps: 300, learningRate: 0.5 });
    expect(model.weights[1]).toBeGreaterThan(Math.abs(model.weights[0]) * 3);
    expect(modelScore(model, [0.5, 1, 0.5])).toBeGreaterThan(modelScore(model, [0.5, 0, 0.5]));
  });

  it('refuses values that do not make whole rows', () => {
    expect(() =>
      fitLogistic({
        values: new Float64Array(5),
        columns: 2,
        labels: new Uint8Array(3),
        steps: 1,
        learningRate: 0.1,
      }),
    ).toThrow(/do not make/);
  });
});

describe(fitInWorker.name, () => {
  it('fits the same model in a worker thread as in the calling thread', async () => {
    const examples = plantedExamples(200);
    const request = {
      values: Float64Array.from(examples.flatMap((example) => example.features)),
      columns: 3,
      labels: Uint8Array.from(examples, (example) => (example.liked ? 1 : 0)),
      steps: 100,
      learningRate: 0.5,
    };
    const inWorker = await fitInWorker(request);
    const here = fitLogistic(request);
    expect(inWorker.weights).toHaveLength(3);
    inWorker.weights.forEach((weight, i) => expect(weight).toBeCloseTo(here.weights[i], 9));
  });
});

describe(trainAndEvaluate.name, () => {
  it('beats the rule-based score on the held-out newest examples when people like what it cannot see', async () => {
    const outcome = await trainAndEvaluate(plantedExamples(800), settings, async (request) =>
      fitLogistic(request),
    );
    expect(outcome.trainingExamples).toBe(600);
    expect(outcome.validationExamples).toBe(200);
    expect(outcome.metrics.model.auc).toBeGreaterThan(0.75);
    expect(outcome.metrics.ruleBased.auc).toBeLessThan(0.62);
    expect(outcome.metrics.model.precisionAt10 ?? 0).toBeGreaterThan(
      outcome.metrics.ruleBased.precisionAt10 ?? 1,
    );
    expect(beatsRuleBased(outcome.metrics, 0.05)).toBe(true);
    // The same win on too small a held-out set does not let the model rank.
    const bar = { minAucGain: 0.05, minValidationExamples: outcome.validationExamples };
    expect(mayRank(outcome, bar)).toBe(true);
    expect(
      mayRank(outcome, { ...bar, minValidationExamples: outcome.validationExamples + 1 }),
    ).toBe(false);
  });

  it('refuses to train without likes and non-likes on both sides of the split', async () => {
    const unliked = plantedExamples(100).map((example) => ({ ...example, liked: false }));
    await expect(
      trainAndEvaluate(unliked, settings, async (request) => fitLogistic(request)),
    ).rejects.toBeInstanceOf(NotEnoughExamples);
  });
});

describe(beatsRuleBased.name, () => {
  const figures = (model: number | null, rule: number | null) => ({
    model: { auc: model, precisionAt10: null },
    ruleBased: { auc: rule, precisionAt10: null },
  });

  it('needs the margin, and both figures', () => {
    expect(beatsRuleBased(figures(0.72, 0.7), 0.02)).toBe(true);
    expect(beatsRuleBased(figures(0.71, 0.7), 0.02)).toBe(false);
    expect(beatsRuleBased(figures(null, 0.7), 0)).toBe(false);
    expect(beatsRuleBased(figures(0.8, null), 0)).toBe(false);
  });
});
