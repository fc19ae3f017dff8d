/**
 * Keeps a failure that repeats from flooding the log: a message passes when it differs from the
 * last one, and the same message again only once per `intervalMs`, with how many were held back.
 */
export class RepeatFilter {
  private last?: { message: string; at: number; held: number };

  constructor(
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Undefined to stay quiet; otherwise how many of this message were held back before it. */
  pass(message: string): number | undefined {
    const at = this.now();
    const last = this.last;
    if (last?.message === message && at - last.at < this.intervalMs) {
      last.held += 1;
      return undefined;
    }
    this.last = { message, at, held: 0 };
    return last?.message === message ? last.held : 0;
  }

  /** Forgets the last message: after a recovery, the next failure is news again. */
  reset(): void {
    this.last = undefined;
  }
}
