import type { Logger } from '@nestjs/common';

/**
 * Runs `lead()` until stopped. `lead()` returns at once when another replica holds the lead
 * and returns or throws when this one loses it; either way the loop waits and tries again.
 * Shared by the Postgres and the Redis outbox relays.
 */
export abstract class LeaderLoop {
  private running = false;
  private loop?: Promise<void>;
  private woken = false;
  private sleeper?: () => void;

  protected constructor(
    private readonly name: string,
    private readonly retryMs: number,
    private readonly warn: Logger['warn'],
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after `lead()` has finished its last drain. */
  async stop(): Promise<void> {
    this.running = false;
    this.interrupt();
    this.wakeUp();
    await this.loop;
    this.loop = undefined;
  }

  protected get isRunning(): boolean {
    return this.running;
  }

  protected abstract lead(): Promise<void>;

  /** Cuts a blocking wait inside `lead()` short when stopping. */
  protected interrupt(): void {
    // Nothing blocks by default.
  }

  protected wakeUp(): void {
    this.woken = true;
    this.sleeper?.();
  }

  /** Waits for a wake-up or the timeout; a wake-up that came while busy is not lost. */
  protected sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleeper = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleeper = done;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.lead();
      } catch (error) {
        if (this.running) this.warn({ err: error }, `${this.name} interrupted; retrying`);
      }
      if (this.running) await this.sleep(this.retryMs);
    }
  }
}
