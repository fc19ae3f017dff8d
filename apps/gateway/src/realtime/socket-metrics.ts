import type { PlatformMetrics } from '@rendezvous/platform';
import { Gauge } from 'prom-client';
import type { Server } from 'socket.io';

/** `socketio_connections`: the signed-in Socket.IO connections this replica holds. */
export function registerSocketGauge(metrics: PlatformMetrics, server: Server): void {
  new Gauge({
    name: 'socketio_connections',
    help: 'Socket.IO connections open on this gateway replica (past the token check)',
    registers: [metrics.registry],
    collect() {
      this.set(server.of('/').sockets.size);
    },
  });
}
