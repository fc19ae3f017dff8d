import { Worker } from 'node:worker_threads';

export const SUITE_PORTS = {
  gateway: 3000,
  user: 3001,
  event: 3002,
  matching: 3003,
  proximity: 3004,
  reco: 3005,
  'booking-agent': 3006,
} as const;

export type SuiteApp = keyof typeof SUITE_PORTS;

/** The readiness contract: an answer, whatever the dependencies do, within this long. */
export const READY_ANSWER_MS = 500;

export interface SlowAnswer {
  app: SuiteApp;
  ms: number;
}

type ProbeReport =
  { kind: 'slow'; app: SuiteApp; ms: number } | { kind: 'ready'; app: SuiteApp; ready: boolean };

/*
 * The probe loop runs on a thread of its own, as a kubelet is a process of its own: the test's
 * thread is busy with hundreds of clients during a burst, and a probe timed there would count its
 * own delays as the app's.
 */
const PROBE_LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
const { ports, limitMs } = workerData;
let running = true;
parentPort.on('message', () => (running = false));
async function probe(app, port) {
  const started = performance.now();
  try {
    const response = await fetch('http://127.0.0.1:' + port + '/health/ready', {
      signal: AbortSignal.timeout(5000),
    });
    await response.arrayBuffer();
    const ms = Math.round(performance.now() - started);
    if (ms > limitMs) parentPort.postMessage({ kind: 'slow', app, ms });
    parentPort.postMessage({ kind: 'ready', app, ready: response.status === 200 });
  } catch (error) {
    // A refused connection is a process that is down, not a slow answer.
    if (error.name === 'TimeoutError') {
      parentPort.postMessage({ kind: 'slow', app, ms: Math.round(performance.now() - started) });
    }
    parentPort.postMessage({ kind: 'ready', app, ready: false });
  }
}
(async () => {
  while (running) {
    await Promise.all(Object.entries(ports).map(([app, port]) => probe(app, port)));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  parentPort.close();
})();
`;

/**
 * Asks every app's `/health/ready` every 250 ms, as a Kubernetes probe would, and keeps the
 * answers that took longer than the contract allows and whether everything answered ready last.
 */
export class ReadinessWatch {
  readonly slow: SlowAnswer[] = [];
  private readonly ready = new Map<SuiteApp, boolean>();
  private worker?: Worker;

  start(): void {
    this.worker = new Worker(PROBE_LOOP, {
      eval: true,
      workerData: { ports: SUITE_PORTS, limitMs: READY_ANSWER_MS },
    });
    this.worker.on('message', (report: ProbeReport) => {
      if (report.kind === 'slow') this.slow.push({ app: report.app, ms: report.ms });
      else this.ready.set(report.app, report.ready);
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
  }

  allReady(): boolean {
    return (Object.keys(SUITE_PORTS) as SuiteApp[]).every((app) => this.ready.get(app) === true);
  }
}
