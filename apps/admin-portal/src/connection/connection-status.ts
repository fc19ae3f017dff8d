export type ConnectionState = 'online' | 'offline';

/**
 * Whether the API can be reached. A failed request (network error) or a dropped socket marks it
 * offline; while offline it probes `/health/live` with growing pauses and comes back online by
 * itself, telling listeners so pages can reload what they show.
 */
export class ConnectionStatus {
  private state: ConnectionState = 'online';
  private readonly listeners = new Set<() => void>();
  private probe: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;

  constructor(
    private readonly ping: () => Promise<boolean>,
    private readonly delays: readonly number[] = [1000, 2000, 4000, 8000, 10_000],
  ) {}

  get current(): ConnectionState {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  lost(): void {
    if (this.state === 'offline') return;
    this.set('offline');
    this.attempt = 0;
    this.scheduleProbe();
  }

  reached(): void {
    if (this.state === 'online') return;
    if (this.probe) clearTimeout(this.probe);
    this.probe = null;
    this.set('online');
  }

  stop(): void {
    if (this.probe) clearTimeout(this.probe);
    this.probe = null;
  }

  private scheduleProbe(): void {
    const delay = this.delays[Math.min(this.attempt, this.delays.length - 1)];
    this.attempt += 1;
    this.probe = setTimeout(() => {
      this.ping().then(
        (ok) => (ok ? this.reached() : this.scheduleProbe()),
        () => this.scheduleProbe(),
      );
    }, delay);
  }

  private set(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
