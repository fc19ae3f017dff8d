import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import type { DependencyState, ReadinessSnapshot } from '../health/readiness-monitor';
import { backoffDelay } from '../kafka/kafka-errors';
import { RepeatFilter } from '../logging/repeat-filter';
import { listenWithBootAnswers } from './boot-answers';

export interface BootPhaseOptions {
  /** Answer HTTP on the service's port while booting (`bootstrap` does; most tests need not). */
  serve?: boolean;
  retryBaseMs?: number;
  retryMaxMs?: number;
  logger?: Pick<Logger, 'log' | 'warn'>;
}

/** Why an attempt failed, in its library's words; an empty AggregateError speaks through its parts. */
export function failureMessage(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    return error.errors.map(failureMessage).join('; ');
  }
  if (error instanceof Error)
    return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}

/**
 * The boot of one process, until its app takes the port. Each step that connects a dependency
 * runs through `connect`, which retries with backoff for as long as it takes and keeps the latest
 * error; made to `serve`, it holds the service's port meanwhile, so probes get live `200` and a
 * readiness `503` that names what is not connected yet and why (a refused password, an untrusted
 * certificate) instead of a refused connection.
 */
export class BootPhase {
  private readonly states = new Map<string, DependencyState>();
  private readonly wakeUps = new Set<() => void>();
  private readonly logger: Pick<Logger, 'log' | 'warn'>;
  private server?: Server;
  private abandoned = false;

  constructor(private readonly options: BootPhaseOptions = {}) {
    this.logger = options.logger ?? new Logger('Boot');
  }

  /** Names the dependencies the process will connect to, so each shows before its turn. */
  expect(dependencies: readonly string[]): void {
    for (const dependency of dependencies) this.state(dependency);
  }

  /** Runs `attempt` until it succeeds; rejects only once the boot is abandoned. */
  async connect<T>(dependency: string, attempt: () => Promise<T>): Promise<T> {
    const state = this.state(dependency);
    const repeats = new RepeatFilter();
    for (let failures = 0; ;) {
      if (this.abandoned) throw new Error(`boot abandoned while connecting ${dependency}`);
      if (failures === 0) state.error = 'connecting';
      try {
        const result = await attempt();
        Object.assign(state, { up: true, everUp: true, error: undefined, checkedAt: Date.now() });
        if (failures > 0) this.logger.log(`${dependency} connected after ${failures} failures`);
        return result;
      } catch (error) {
        failures += 1;
        const why = failureMessage(error);
        Object.assign(state, { up: false, error: why, checkedAt: Date.now() });
        const retryInMs = backoffDelay(
          failures,
          this.options.retryBaseMs ?? 500,
          this.options.retryMaxMs ?? 5_000,
        );
        const heldBack = repeats.pass(why);
        if (heldBack !== undefined && !this.abandoned) {
          this.logger.warn(
            { dependency, failures, retryInMs, heldBack },
            `${dependency} not connected: ${why}; retrying`,
          );
        }
        await this.pause(retryInMs);
      }
    }
  }

  snapshot(): ReadinessSnapshot {
    return {
      dependencies: [...this.states.values()].map((state) => ({ ...state })),
      details: {},
      process: 'starting',
    };
  }

  /** Opens the port with the boot answers when made to serve; resolves once it listens. */
  async open(port: number, host: string): Promise<void> {
    if (!this.options.serve || this.server || this.abandoned) return;
    this.server = await listenWithBootAnswers(() => this.snapshot(), port, host);
  }

  /** The port the boot answers are on (the one `PORT=0` picked), if any. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  /** Closes the boot answers so the app can listen; resolves to the port they held, if any. */
  async handOver(): Promise<number | undefined> {
    const port = this.port;
    await this.closeServer();
    return port;
  }

  /** Gives the boot up: pending `connect`s reject and the port closes. */
  async abandon(): Promise<void> {
    this.abandoned = true;
    for (const wake of this.wakeUps) wake();
    await this.closeServer();
  }

  private state(dependency: string): DependencyState {
    let state = this.states.get(dependency);
    if (!state) {
      state = {
        name: dependency,
        gates: true,
        up: false,
        everUp: false,
        error: 'not connected yet',
      };
      this.states.set(dependency, state);
    }
    return state;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeUps.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeUps.add(wake);
    });
  }

  private async closeServer(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}
