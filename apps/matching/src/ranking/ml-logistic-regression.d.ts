// The package ships no types; this is the part of its API matching uses.
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';

  interface TwoClassModel {
    weights: Matrix;
  }

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    /** One one-vs-rest classifier per class; classifier `i` scores "not class i". */
    classifiers: TwoClassModel[];
    train(features: Matrix, labels: Matrix): void;
  }
}
