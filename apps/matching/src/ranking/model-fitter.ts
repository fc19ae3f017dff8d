import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FitMessage, FitRequest, FittedModel } from './model-fit.worker';

// Compiled, the worker is JavaScript beside this file; from the TypeScript sources (tests),
// Node strips the worker's types itself.
const WORKER = join(__dirname, `model-fit.worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);

/** Fits the model in a worker thread, so the service's requests keep their event loop. */
export function fitInWorker(request: FitRequest): Promise<FittedModel> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { fitRankingModel: request } satisfies FitMessage,
    });
    let settled = false;
    worker.once('message', (model: FittedModel) => {
      settled = true;
      resolve(model);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the model fit worker exited with code ${code}`));
    });
  });
}
