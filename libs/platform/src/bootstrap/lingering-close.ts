import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** How long a closing connection keeps reading what the client still sends. */
export const LINGER_MS = 5_000;

/**
 * Ends the connection the way RFC 9112 §9.6 asks: the answer and a FIN go out, and whatever the
 * client is still sending (the rest of a body refused early) is read and dropped until the client
 * closes too or `LINGER_MS` pass. Closing at once would reset a client still writing, and the
 * reset can destroy the answer before the client reads it.
 */
export function closeLingering(socket: Duplex, answer?: string): void {
  if (socket.destroyed) return;
  if (socket.writable) socket.end(answer);
  // Both halves ended destroys the socket; the timer covers a client that never stops.
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.resume();
}

/**
 * Node closes a connection after its last answer (`Connection: close`, a request it will not
 * keep alive) with `socket.destroySoon()`, which resets a client still sending; every
 * connection closes lingering instead.
 */
export function lingerOnClose(server: Server): void {
  server.on('connection', (socket: Duplex & { destroySoon?: () => void }) => {
    socket.destroySoon = destroyLingering;
  });
}

// One function for every connection: no closure allocated per connection.
function destroyLingering(this: Duplex): void {
  closeLingering(this);
}
