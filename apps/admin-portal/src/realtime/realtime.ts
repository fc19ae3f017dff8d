import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ConnectionStatus } from '../connection/connection-status';

export interface ReportCreated {
  notificationId: string;
  occurredAt: string;
  reportId: string;
  subjectUserId: string;
  reason: string;
  subjectOpenReports: number;
}

export interface RealtimeEvents {
  'moderation.report_created': ReportCreated;
}

type Handler<E extends keyof RealtimeEvents> = (payload: RealtimeEvents[E]) => void;

/**
 * The signed-in person's Socket.IO connection. Each (re)connection asks for a current access
 * token; Socket.IO's own backoff reconnects after a drop, and the connection status shows it.
 * Delivery is at least once, so each handler drops repeated notification ids.
 */
export class Realtime {
  private socket: Socket | null = null;
  private readonly handlers = new Map<string, Set<(payload: never) => void>>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private refusals = 0;

  constructor(
    private readonly token: () => Promise<string | null>,
    private readonly connection: ConnectionStatus,
    private readonly origin: string = window.location.origin,
  ) {}

  connect(): void {
    if (this.socket) return;
    const socket = io(this.origin, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: (callback) => {
        this.token().then(
          (token) => callback({ token }),
          () => callback({}),
        );
      },
    });
    socket.on('connect', () => {
      this.refusals = 0;
      this.connection.reached();
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      this.connection.lost();
      // The server closing the socket (a revoked session, a restart) is not retried by Socket.IO.
      if (reason === 'io server disconnect') this.retryLater(socket);
    });
    socket.onAny((event: string, payload: unknown) => {
      for (const handler of this.handlers.get(event) ?? []) handler(payload as never);
    });
    socket.on('connect_error', () => {
      // A refused handshake (an expired token) is not retried by Socket.IO: try again, with a
      // fresh token from the auth callback, after a growing pause.
      if (!socket.active) this.retryLater(socket);
    });
    this.socket = socket;
  }

  disconnect(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.socket?.disconnect();
    this.socket = null;
  }

  private retryLater(socket: Socket): void {
    if (this.retryTimer) return;
    const delay = Math.min(30_000, 1000 * 2 ** this.refusals);
    this.refusals += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.socket === socket && !socket.connected) socket.connect();
    }, delay);
  }

  /** Listens whether or not connected yet; repeated notification ids reach a handler once. */
  on<E extends keyof RealtimeEvents>(event: E, handler: Handler<E>): () => void {
    const seen = new Set<string>();
    const listener = (payload: RealtimeEvents[E]) => {
      if (seen.has(payload.notificationId)) return;
      seen.add(payload.notificationId);
      handler(payload);
    };
    const set = this.handlers.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.handlers.set(event, set);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  }
}
