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

/**
 * Asks every app's `/health/ready` every 250 ms, as a Kubernetes probe would, and keeps the
 * answers that took longer than the contract allows (a refused connection is a process that is
 * down, not a slow answer) and when everything was last seen ready.
 */
export class ReadinessWatch {
  readonly slow: { app: SuiteApp; ms: number; at: number }[] = [];
  answered = 0;
  private readonly ready = new Map<SuiteApp, boolean>();
  private running = false;
  private loop?: Promise<void>;

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await Promise.all((Object.keys(SUITE_PORTS) as SuiteApp[]).map((app) => this.probe(app)));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  allReady(): boolean {
    return (Object.keys(SUITE_PORTS) as SuiteApp[]).every((app) => this.ready.get(app) === true);
  }

  private async probe(app: SuiteApp): Promise<void> {
    const started = performance.now();
    try {
      const response = await fetch(`http://127.0.0.1:${SUITE_PORTS[app]}/health/ready`, {
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer();
      const ms = performance.now() - started;
      this.answered += 1;
      if (ms > READY_ANSWER_MS) this.slow.push({ app, ms: Math.round(ms), at: Date.now() });
      this.ready.set(app, response.status === 200);
    } catch (error) {
      const ms = performance.now() - started;
      if ((error as Error).name === 'TimeoutError') {
        this.slow.push({ app, ms: Math.round(ms), at: Date.now() });
      }
      this.ready.set(app, false);
    }
  }
}
