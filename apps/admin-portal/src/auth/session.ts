import type { components } from '@rendezvous/api-client';
import type { AccessClaims, Role } from './token';
import { readClaims, refreshDelayMs } from './token';

type AuthResult = components['schemas']['AuthResult'];

export interface Identity {
  id: string;
  email: string;
  name: string;
  role: Role;
}

interface Stored {
  refreshToken: string;
  identity: Identity;
}

const STORAGE_KEY = 'rendezvous-admin-session';

/**
 * The signed-in person's tokens. The access token lives in memory only; the refresh token is
 * kept in this tab's sessionStorage so a reload stays signed in (and closing the tab ends it).
 * A timer refreshes the access token before it expires; concurrent refreshes share one request,
 * since a refresh token works once.
 */
export class Session {
  private accessToken: string | null = null;
  private claims: AccessClaims | null = null;
  private stored: Stored | null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private endedHere = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly refresher: (refreshToken: string) => Promise<AuthResult>,
    private readonly storage: Storage = window.sessionStorage,
    private readonly now: () => number = Date.now,
  ) {
    this.stored = Session.load(storage);
  }

  get identity(): Identity | null {
    return this.stored?.identity ?? null;
  }

  get refreshToken(): string | null {
    return this.stored?.refreshToken ?? null;
  }

  /** Whether a session ended while this page was open (expired, refused or signed out). */
  get ended(): boolean {
    return this.endedHere;
  }

  get role(): Role | null {
    return this.claims?.role ?? this.stored?.identity.role ?? null;
  }

  /** Called whenever the access token changes or the session ends. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(result: AuthResult): void {
    const claims = readClaims(result.accessToken);
    const identity: Identity = {
      id: result.user.id,
      email: result.user.email,
      name: result.user.name,
      role: claims.role,
    };
    this.accessToken = result.accessToken;
    this.claims = claims;
    this.stored = { refreshToken: result.refreshToken, identity };
    this.endedHere = false;
    this.storage.setItem(STORAGE_KEY, JSON.stringify(this.stored));
    this.schedule();
    this.emit();
  }

  end(): void {
    if (this.timer) clearTimeout(this.timer);
    this.endedHere = this.stored !== null;
    this.timer = null;
    this.accessToken = null;
    this.claims = null;
    this.stored = null;
    this.storage.removeItem(STORAGE_KEY);
    this.emit();
  }

  /** A current access token, refreshing first when there is none or it is about to expire. */
  async token(): Promise<string | null> {
    if (!this.stored) return null;
    if (!this.accessToken || !this.claims || this.claims.exp * 1000 <= this.now() + 5_000) {
      await this.refresh();
    }
    return this.accessToken;
  }

  /** Exchanges the refresh token for a new pair; ends the session when the API refuses it. */
  refresh(): Promise<void> {
    if (!this.inFlight) {
      const refreshToken = this.stored?.refreshToken;
      this.inFlight = (async () => {
        if (!refreshToken) throw new Error('not signed in');
        try {
          this.start(await this.refresher(refreshToken));
        } catch (error) {
          if (isRefusal(error)) this.end();
          throw error;
        }
      })().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    if (!this.claims) return;
    this.timer = setTimeout(
      () => {
        this.refresh().catch(() => undefined);
      },
      refreshDelayMs(this.claims, this.now()),
    );
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private static load(storage: Storage): Stored | null {
    try {
      const parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Stored | null;
      return parsed?.refreshToken && parsed.identity ? parsed : null;
    } catch {
      return null;
    }
  }
}

/** A 4xx answer to a refresh means the token is gone for good; anything else may pass. */
function isRefusal(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}
