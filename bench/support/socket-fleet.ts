import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** One connection: a device of a person. */
export interface Device {
  personId: string;
  deviceId: string;
  token: string;
}

/** A watched event as one device received it; `at` is epoch milliseconds with fractions. */
export interface Receipt {
  at: number;
  event: string;
  personId: string;
  deviceId: string;
  notificationId: string;
  occurredAt: string;
  matchId?: string;
}

export interface FleetShare {
  gateway: string;
  devices: Device[];
  events: string[];
  concurrency: number;
}

export type FleetCommand = { type: 'close' };
export type FleetReport =
  | { type: 'connected'; connected: number; failed: number; firstError?: string }
  | { type: 'receipts'; receipts: Receipt[] }
  | { type: 'closed' };

export interface FleetOptions {
  gateway: string;
  devices: Device[];
  /** The Socket.IO events whose receipts are reported. */
  events: string[];
  /** Worker threads holding the sockets (default: one per core). */
  threads?: number;
  /** Handshakes in flight per thread while connecting. */
  concurrency?: number;
}

// Compiled (npm run bench:*) the worker is JavaScript beside this file; from the TypeScript
// sources (the e2e run's smoke test) Node strips the worker's types itself.
const WORKER = join(__dirname, `socket-fleet.worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);

/**
 * Many Socket.IO clients spread over worker threads, so decoding what arrives does not queue
 * behind the main thread's HTTP load. Each receipt is stamped in the thread that received it.
 */
export class SocketFleet {
  private readonly listeners: ((receipt: Receipt) => void)[] = [];

  private constructor(
    private readonly workers: Worker[],
    readonly connected: number,
  ) {
    for (const worker of workers) {
      worker.on('message', (message: FleetReport) => {
        if (message.type !== 'receipts') return;
        for (const receipt of message.receipts)
          for (const listen of this.listeners) listen(receipt);
      });
    }
  }

  static async connect(options: FleetOptions): Promise<SocketFleet> {
    const threads = Math.max(1, options.threads ?? cpus().length);
    const shares: Device[][] = Array.from({ length: threads }, () => []);
    options.devices.forEach((device, i) => shares[i % threads].push(device));
    const workers = shares.map(
      (devices) =>
        new Worker(WORKER, {
          workerData: {
            gateway: options.gateway,
            devices,
            events: options.events,
            concurrency: options.concurrency ?? 50,
          } satisfies FleetShare,
        }),
    );
    const results = await Promise.all(
      workers.map(
        (worker) =>
          new Promise<Extract<FleetReport, { type: 'connected' }>>((resolve, reject) => {
            worker.once('error', reject);
            const onMessage = (message: FleetReport) => {
              if (message.type !== 'connected') return;
              worker.off('message', onMessage);
              resolve(message);
            };
            worker.on('message', onMessage);
          }),
      ),
    );
    const failed = results.reduce((sum, r) => sum + r.failed, 0);
    const fleet = new SocketFleet(
      workers,
      results.reduce((sum, r) => sum + r.connected, 0),
    );
    if (failed > 0) {
      await fleet.close();
      throw new Error(
        `${failed} connections failed, the first: ${results.find((r) => r.firstError)?.firstError}`,
      );
    }
    return fleet;
  }

  onReceipt(listener: (receipt: Receipt) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.on('message', (message: FleetReport) => {
              if (message.type === 'closed') resolve();
            });
            worker.postMessage({ type: 'close' } satisfies FleetCommand);
          }),
      ),
    );
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
