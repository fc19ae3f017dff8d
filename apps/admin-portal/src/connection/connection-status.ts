export type ConnectionState = 'online' | 'offline';

/**
 * Whether the API can be reached. A failed request (network error), a dropped socket or the
 * browser's own `offline` event marks it offline; while offline it probes `/health/live` with
 * growing pauses (at once when the browser says it is online again) and comes back online by
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
    private readonly browser?: EventTarget,
  ) {
    // React Query pauses its requests while the browser is offline, so no request would fail.
    browser?.addEventListener('offline', this.onBrowserOffline);
    browser?.addEventListener('online', this.onBrowserOnline);
  }

  private readonly onBrowserOffline = () => this.lost();

  private readonly onBrowserOnline = () => {
    if (this.state === 'online') return;
    if (this.probe) clearTimeout(this.probe);
    this.attempt = 0;
    this.probe = null;
    this.checkNow();
  };

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
    this.browser?.removeEventListener('offline', this.onBrowserOffline);
    this.browser?.removeEventListener('online', this.onBrowserOnline);
  }

  private scheduleProbe(): void {
    const delay = this.delays[Math.min(this.attempt, this.delays.length - 1)];
    this.attempt += 1;
    this.probe = setTimeout(() => this.checkNow(), delay);
  }

  private checkNow(): void {
    this.ping().then(
      (ok) => (ok ? this.reached() : this.scheduleProbe()),
      () => this.scheduleProbe(),
    );
  }

  private set(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
