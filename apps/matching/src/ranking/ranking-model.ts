import type { FittedModel } from './model-fit.worker';

/** The chance of a like the fitted model gives one feature vector. */
export function modelScore(model: FittedModel, features: readonly number[]): number {
  let sum = model.bias;
  for (let i = 0; i < model.weights.length; i += 1) {
    sum += (model.weights[i] * (features[i] - model.means[i])) / model.scales[i];
  }
  return 1 / (1 + Math.exp(-sum));
}
