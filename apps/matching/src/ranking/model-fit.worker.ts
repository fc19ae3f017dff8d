// Fits the learned ranking's logistic regression. Runs as a worker thread (compiled, this file's
// JavaScript; from the TypeScript sources, Node strips its types), so it imports nothing of the
// service at run time: only the learning library and types.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';

export interface FitRequest {
  /** Row-major feature values, `columns` per example. */
  values: Float64Array;
  columns: number;
  /** 1 liked, 0 not, one per example. */
  labels: Uint8Array;
  steps: number;
  /** Step size on the mean gradient of the standardised features. */
  learningRate: number;
}

/** A fitted model: standardise each feature, weigh, add the bias, squash to 0..1. */
export interface FittedModel {
  means: number[];
  scales: number[];
  weights: number[];
  bias: number;
}

export interface FitMessage {
  fitRankingModel: FitRequest;
}

/** Mean and standard deviation per column; a constant column keeps scale 1. */
function standardisation(values: Float64Array, columns: number) {
  const rows = values.length / columns;
  const means = new Array<number>(columns).fill(0);
  const scales = new Array<number>(columns).fill(0);
  for (let i = 0; i < values.length; i += 1) means[i % columns] += values[i] / rows;
  for (let i = 0; i < values.length; i += 1) {
    const deviation = values[i] - means[i % columns];
    scales[i % columns] += (deviation * deviation) / rows;
  }
  return { means, scales: scales.map((variance) => (variance > 1e-12 ? Math.sqrt(variance) : 1)) };
}

export function fitLogistic(request: FitRequest): FittedModel {
  const { values, columns, labels } = request;
  const rows = labels.length;
  if (rows === 0 || values.length !== rows * columns) {
    throw new Error(`fitLogistic: ${values.length} values do not make ${rows} rows of ${columns}`);
  }
  const { means, scales } = standardisation(values, columns);
  const design = new Matrix(rows, columns + 1);
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const value = values[row * columns + column];
      design.set(row, column, (value - means[column]) / scales[column]);
    }
    design.set(row, columns, 1);
  }
  // The library steps on the summed gradient: divide by the rows for a mean-gradient step.
  const model = new LogisticRegression({
    numSteps: request.steps,
    learningRate: request.learningRate / rows,
  });
  model.train(design, Matrix.columnVector(Array.from(labels)));
  // Labels are 0 and 1, so classifier 0 ("not 0") gives the chance of a like.
  const fitted = model.classifiers[0].weights.to1DArray();
  return { means, scales, weights: fitted.slice(0, columns), bias: fitted[columns] };
}

if (!isMainThread && parentPort && (workerData as Partial<FitMessage>)?.fitRankingModel) {
  parentPort.postMessage(fitLogistic((workerData as FitMessage).fitRankingModel));
}
