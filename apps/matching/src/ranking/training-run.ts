import type { MatchingConfig } from '../config';
import type { FitRequest, FittedModel } from './model-fit.worker';
import { modelScore } from './ranking-model';
import type { Scored } from './ranking-metrics';
import { auc, precisionAtK } from './ranking-metrics';
import { splitByTime } from './time-split';

/** A shown person with what came of it: liked (or super liked) or not (passed, ignored). */
export interface LabelledExample {
  viewerId: string;
  candidateId: string;
  shownAt: Date;
  features: number[];
  ruleScore: number;
  liked: boolean;
}

export interface Figures {
  auc: number | null;
  precisionAt10: number | null;
}

export interface ModelMetrics {
  model: Figures;
  ruleBased: Figures;
}

export interface TrainingSettings {
  validationShare: number;
  steps: number;
  learningRate: number;
}

export interface TrainingOutcome {
  model: FittedModel;
  metrics: ModelMetrics;
  trainingExamples: number;
  validationExamples: number;
}

export type Fitter = (request: FitRequest) => Promise<FittedModel>;

/** Why a training run cannot start; recorded on the failed model. */
export class NotEnoughExamples extends Error {}

function figures(examples: readonly Scored[]): Figures {
  return { auc: auc(examples), precisionAt10: precisionAtK(examples, 10) };
}

const hasBothLabels = (examples: readonly LabelledExample[]) =>
  examples.some((example) => example.liked) && examples.some((example) => !example.liked);

/**
 * Fits on the older examples and scores the model and the rule-based score on the same newest
 * ones, so the two are compared on people and choices the model never saw.
 */
export async function trainAndEvaluate(
  examples: readonly LabelledExample[],
  settings: TrainingSettings,
  fit: Fitter,
): Promise<TrainingOutcome> {
  const { training, validation } = splitByTime(examples, settings.validationShare);
  if (!hasBothLabels(training) || !hasBothLabels(validation)) {
    throw new NotEnoughExamples(
      `training needs likes and non-likes in both parts (${training.length} training, ${validation.length} validation examples)`,
    );
  }
  const columns = training[0].features.length;
  const values = new Float64Array(training.length * columns);
  training.forEach((example, row) => values.set(example.features, row * columns));
  const model = await fit({
    values,
    columns,
    labels: Uint8Array.from(training, (example) => (example.liked ? 1 : 0)),
    steps: settings.steps,
    learningRate: settings.learningRate,
  });
  const scoredBy = (score: (example: LabelledExample) => number) =>
    validation.map((example) => ({
      viewerId: example.viewerId,
      candidateId: example.candidateId,
      score: score(example),
      liked: example.liked,
    }));
  return {
    model,
    metrics: {
      model: figures(scoredBy((example) => modelScore(model, example.features))),
      ruleBased: figures(scoredBy((example) => example.ruleScore)),
    },
    trainingExamples: training.length,
    validationExamples: validation.length,
  };
}

/** A model may rank only when its validation AUC beats the rule-based score's by `margin`. */
export function beatsRuleBased(metrics: ModelMetrics, margin: number): boolean {
  const { model, ruleBased } = metrics;
  return model.auc !== null && ruleBased.auc !== null && model.auc >= ruleBased.auc + margin;
}

export interface RankingBar {
  minAucGain: number;
  minValidationExamples: number;
}

/** The bar as the settings set it. */
export function rankingBarOf(config: MatchingConfig): RankingBar {
  return {
    minAucGain: config.MATCHING_MODEL_MIN_AUC_GAIN,
    minValidationExamples: config.MATCHING_MODEL_MIN_VALIDATION_EXAMPLES,
  };
}

/**
 * Whether a trained model may rank: it beats the rule-based score by the margin on a held-out
 * set large enough for that to mean something (a few dozen examples can favour either by chance).
 */
export function mayRank(
  trained: { metrics: ModelMetrics; validationExamples: number },
  bar: RankingBar,
): boolean {
  return (
    trained.validationExamples >= bar.minValidationExamples &&
    beatsRuleBased(trained.metrics, bar.minAucGain)
  );
}
