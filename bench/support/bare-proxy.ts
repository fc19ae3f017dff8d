import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

// Compiled the worker is JavaScript beside this file; from the TypeScript sources (the e2e run's
// smoke test) Node strips the worker's types itself.
const WORKER = join(__dirname, `bare-proxy.worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);

export interface BareProxy {
  url: string;
  stop(): Promise<void>;
}

/** A minimal Node reverse proxy to `target` on its own thread: the floor any Node proxy pays. */
export async function startBareProxy(target: string): Promise<BareProxy> {
  const worker = new Worker(WORKER, { workerData: target });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}
