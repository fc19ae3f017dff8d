import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { uniqueEmail } from '../../support/api-client';
import { SUITE_GATEWAY_URL } from '../../support/suite-settings';
import type { ClientErrors } from './fault-client';
import { FaultClient } from './fault-client';

export interface Notification {
  notificationId: string;
  event: string;
  payload: Record<string, unknown>;
}

/**
 * A member with one device: every notification it got, live or fetched from the history as an
 * app does after a reconnect (by `notificationId`, so a repeat is kept once).
 */
export class FaultPerson {
  readonly notifications = new Map<string, Notification>();
  /** Notification ids delivered on the socket more than once (allowed: at least once). */
  redelivered = 0;
  private socket?: Socket;
  private catchingUp?: Promise<void>;

  private constructor(
    readonly id: string,
    readonly client: FaultClient,
  ) {}

  static async signUp(errors: ClientErrors, name: string): Promise<FaultPerson> {
    const client = new FaultClient(errors);
    const answer = await client.call('POST', '/auth/signup', {
      email: uniqueEmail(name.toLowerCase()),
      password: `pw-${randomUUID()}`,
      name,
    });
    if (answer.status !== 201) throw new Error(`signup answered ${answer.status}`);
    client.token = answer.body?.accessToken as string;
    return new FaultPerson((answer.body?.user as { id: string }).id, client);
  }

  /** Connects and stays connected: reconnects after a drop or a refused handshake, then catches up. */
  async connect(): Promise<void> {
    // Socket.IO's own reconnection backoff (1 s doubling to 5 s, randomised), as apps ship it.
    const socket = io(SUITE_GATEWAY_URL, {
      auth: { token: this.client.token },
      transports: ['websocket'],
      forceNew: true,
    });
    this.socket = socket;
    socket.onAny((event: string, payload: Record<string, unknown>) => {
      const id = payload?.notificationId;
      if (typeof id !== 'string') return;
      if (this.notifications.has(id)) this.redelivered += 1;
      else this.notifications.set(id, { notificationId: id, event, payload });
    });
    // A handshake the server refused (e.g. 503 while it rebuilds) is not retried by the client.
    socket.on('connect_error', () => {
      setTimeout(
        () => {
          if (this.socket === socket && !socket.connected) socket.connect();
        },
        1_000 + Math.random() * 1_000,
      );
    });
    socket.on('connect', () => void this.catchUp().catch(() => undefined));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  }

  close(): void {
    this.socket?.close();
    this.socket = undefined;
  }

  /** Reads the whole retained history into `notifications`. */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.readHistory().finally(() => (this.catchingUp = undefined));
    return this.catchingUp;
  }

  private async readHistory(): Promise<void> {
    let cursor: string | null = null;
    do {
      const query: string = cursor
        ? `?limit=100&cursor=${encodeURIComponent(cursor)}`
        : '?limit=100';
      const answer = await this.client.call('GET', `/notifications${query}`);
      if (answer.status !== 200) throw new Error(`GET /notifications answered ${answer.status}`);
      const items = (answer.body?.items ?? []) as Notification[];
      for (const item of items) {
        if (!this.notifications.has(item.notificationId)) {
          this.notifications.set(item.notificationId, item);
        }
      }
      cursor = (answer.body?.nextCursor as string | null) ?? null;
    } while (cursor);
  }

  /** The notifications of one kind whose payload matches. */
  seen(event: string, match: (payload: Record<string, unknown>) => boolean): Notification[] {
    return [...this.notifications.values()].filter((n) => n.event === event && match(n.payload));
  }
}
