/**
 * Reads a value at most once per `maxAgeMs`, sharing the read in flight, so a scrape never
 * queries more often than that. A scrape waits at most `waitMs` for a fresh value; after that it
 * gets the previous one (undefined before the first read finishes) while the read carries on.
 */
export class CachedRead<T> {
  private value?: T;
  private readAt = Number.NEGATIVE_INFINITY;
  private inFlight?: Promise<void>;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly options: {
      maxAgeMs: number;
      waitMs: number;
      onError: (error: unknown) => void;
      now?: () => number;
    },
  ) {}

  async get(): Promise<T | undefined> {
    const now = this.options.now ?? Date.now;
    if (!this.inFlight && now() - this.readAt >= this.options.maxAgeMs) {
      this.inFlight = this.read().then(
        (value) => {
          this.value = value;
          this.readAt = now();
        },
        (error: unknown) => {
          // Retried on the next scrape after maxAgeMs, not on every one.
          this.readAt = now();
          this.options.onError(error);
        },
      );
      void this.inFlight.finally(() => (this.inFlight = undefined));
    }
    if (this.inFlight) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.inFlight,
        new Promise((resolve) => (timer = setTimeout(resolve, this.options.waitMs))),
      ]);
      clearTimeout(timer);
    }
    return this.value;
  }
}
