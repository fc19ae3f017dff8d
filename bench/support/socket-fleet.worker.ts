// One thread of a SocketFleet: connects its share of devices and reports each receipt of the
// watched events, stamped on arrival, to the main thread in small batches.
import { parentPort, workerData } from 'node:worker_threads';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import type { Device, FleetCommand, FleetReport, FleetShare, Receipt } from './socket-fleet';

const share = workerData as FleetShare;
const port = parentPort;
if (!port) throw new Error('socket-fleet.worker runs as a worker thread');

const now = () => performance.timeOrigin + performance.now();
const sockets: Socket[] = [];
let pending: Receipt[] = [];
const report = (message: FleetReport) => port.postMessage(message);

setInterval(() => {
  if (pending.length === 0) return;
  report({ type: 'receipts', receipts: pending });
  pending = [];
}, 20).unref();

function connectOne({ personId, deviceId, token }: Device): Promise<Socket> {
  const socket = io(share.gateway, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  for (const event of share.events) {
    socket.on(
      event,
      (payload: { notificationId: string; occurredAt: string; matchId?: string }) => {
        pending.push({
          at: now(),
          event,
          personId,
          deviceId,
          notificationId: payload.notificationId,
          occurredAt: payload.occurredAt,
          matchId: payload.matchId,
        });
      },
    );
  }
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function connectAll(): Promise<void> {
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  await Promise.all(
    Array.from({ length: share.concurrency }, async () => {
      while (next < share.devices.length) {
        const device = share.devices[next];
        next += 1;
        try {
          sockets.push(await connectOne(device));
        } catch (error) {
          failed += 1;
          firstError ??= String(error);
        }
      }
    }),
  );
  report({ type: 'connected', connected: sockets.length, failed, firstError });
}

port.on('message', (command: FleetCommand) => {
  if (command.type === 'close') {
    for (const socket of sockets) socket.close();
    report({ type: 'closed' });
  }
});

void connectAll();
