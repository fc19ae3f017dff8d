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
    socket.on('connect', () => this.connection.reached());
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') this.connection.lost();
    });
    socket.onAny((event: string, payload: unknown) => {
      for (const handler of this.handlers.get(event) ?? []) handler(payload as never);
    });
    socket.on('connect_error', () => {
      // A refused handshake (an expired token) is retried with a fresh token by the auth callback.
      if (!socket.active) socket.connect();
    });
    this.socket = socket;
  }

  disconnect(): void {
    this.socket?.disconnect();
    this.socket = null;
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
