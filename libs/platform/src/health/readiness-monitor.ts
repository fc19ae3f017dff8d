import type { HealthCheck, ReadinessDetail } from './health-check';
import { withTimeout } from './health-check';

/** The last verdict on one dependency, kept between background checks. */
export interface DependencyState {
  readonly name: string;
  /** Whether requests need it: down, it turns readiness `503`; otherwise it only shows `down`. */
  readonly gates: boolean;
  up: boolean;
  /** Set once it has answered; until then the process is not ready whatever `gates` says. */
  everUp: boolean;
  error?: string;
  /** When the last verdict was reached (epoch ms); undefined before the first. */
  checkedAt?: number;
}

export interface ReadinessSnapshot {
  readonly dependencies: readonly DependencyState[];
  readonly details: Readonly<Record<string, Record<string, string>>>;
  /** Why the process itself is not ready yet, beside its dependencies (it is still starting). */
  readonly process?: string;
}

export interface ReadinessMonitorOptions {
  /** Names of the checks whose dependency the service's requests need. */
  gates: ReadonlySet<string>;
  intervalMs?: number;
  timeoutMs?: number;
}

const INTERVAL_MS = 1_000;
const TIMEOUT_MS = 1_000;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks each dependency in the background, every `intervalMs`, each check bounded by
 * `timeoutMs`, so `/health/ready` answers at once from the last verdicts whatever a dependency
 * does. A check still running at its timeout is `down`; the next one starts an interval later.
 */
export class ReadinessMonitor {
  private readonly states: DependencyState[];
  private readonly details: Record<string, Record<string, string>> = {};
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private running = false;

  constructor(
    private readonly checks: readonly HealthCheck[],
    private readonly detailSources: readonly ReadinessDetail[],
    options: ReadinessMonitorOptions,
  ) {
    this.intervalMs = options.intervalMs ?? INTERVAL_MS;
    this.timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
    const unknown = [...options.gates].filter((name) => !checks.some((c) => c.name === name));
    if (unknown.length > 0) {
      throw new Error(`readiness gates name no health check: ${unknown.join(', ')}`);
    }
    this.states = checks.map((check) => ({
      name: check.name,
      gates: options.gates.has(check.name),
      up: false,
      everUp: false,
    }));
  }

  /** Runs the first round of checks (each bounded) before returning, then keeps checking. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const rounds = this.checks.map((check, i) => this.loop(() => this.runCheck(check, i)));
    for (const source of this.detailSources) void this.loop(() => this.collect(source));
    await Promise.all(rounds.map((first) => first));
  }

  stop(): void {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  snapshot(): ReadinessSnapshot {
    return {
      dependencies: this.states.map((state) => ({ ...state })),
      details: { ...this.details },
    };
  }

  /** Resolves after the first run; later runs follow, one at a time, until `stop`. */
  private async loop(run: () => Promise<void>): Promise<void> {
    await run();
    if (!this.running) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.loop(run);
    }, this.intervalMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async runCheck(check: HealthCheck, index: number): Promise<void> {
    const state = this.states[index] as DependencyState;
    try {
      await withTimeout(check.check(), this.timeoutMs, check.name);
      state.up = true;
      state.everUp = true;
      state.error = undefined;
    } catch (error) {
      state.up = false;
      state.error = message(error);
    }
    state.checkedAt = Date.now();
  }

  private async collect(source: ReadinessDetail): Promise<void> {
    try {
      this.details[source.key] = await withTimeout(
        source.collect(),
        this.timeoutMs * 2,
        source.key,
      );
    } catch {
      // Details inform and never gate; the last collected ones stay until the next succeeds.
    }
  }
}
