import { waitFor } from '@rendezvous/testing';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { SUITE_GATEWAY_URL } from './suite-settings';

export interface Received {
  event: string;
  payload: Record<string, unknown>;
}

export interface RealtimeClient {
  socket: Socket;
  received: Received[];
  next(event: string, match?: (payload: Record<string, unknown>) => boolean): Promise<Received>;
  close(): void;
}

/** Connects to the gateway's Socket.IO with an access token and records every event. */
export async function connectRealtime(token: string | undefined): Promise<RealtimeClient> {
  const socket = io(SUITE_GATEWAY_URL, {
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const received: Received[] = [];
  socket.onAny((event: string, payload: Record<string, unknown>) =>
    received.push({ event, payload }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return {
    socket,
    received,
    next: (event, match = () => true) =>
      waitFor(() => received.find((r) => r.event === event && match(r.payload)), {
        timeoutMs: 10_000,
        message: `socket event ${event}`,
      }),
    close: () => socket.close(),
  };
}

/** The handshake error message of a connection attempt that must fail. */
export function refusedHandshake(token: string | undefined): Promise<string> {
  const socket = io(SUITE_GATEWAY_URL, {
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('the handshake was accepted'));
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}
