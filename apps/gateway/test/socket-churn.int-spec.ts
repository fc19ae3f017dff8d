import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@rendezvous/platform';
import type { TokenIssuer } from '@rendezvous/testing';
import { startTokenIssuer, uniqueName, waitFor } from '@rendezvous/testing';
import type { Server } from 'socket.io';
import type { Socket as ClientSocket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { AppModule } from '../src/app.module';
import { configureGateway } from '../src/gateway-http';
import { NotificationsSocket } from '../src/realtime/notifications.socket';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const ROUNDS = 3;
const SOCKETS_PER_ROUND = 100;

/** Objects still reachable after a full collection (WeakRefs are cleared only between turns). */
async function stillAlive(refs: WeakRef<object>[]): Promise<number> {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return refs.filter((ref) => ref.deref() !== undefined).length;
}

describe('Socket.IO connection churn at the gateway', () => {
  let app: NestFastifyApplication;
  let url: string;
  let server: Server;
  let issuer: TokenIssuer;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    Object.assign(process.env, {
      JWKS_URL: issuer.jwksUrl,
      LOG_LEVEL: 'silent',
      KAFKA_CONSUMER_GROUP: uniqueName('gateway-churn'),
    });
    app = await createApp(AppModule, { ownOpenApi: false, configure: configureGateway });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    server = (app.get(NotificationsSocket) as unknown as { server: Server }).server;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    issuer?.close();
    process.env = savedEnv;
  });

  function connect(token: string): Promise<ClientSocket> {
    const socket = io(url, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  it('keeps nothing of a connection once it has closed: sockets, rooms, engine clients', async () => {
    const namespace = server.of('/');
    const adapter = namespace.adapter;
    const before = {
      sockets: namespace.sockets.size,
      sids: adapter.sids.size,
      rooms: adapter.rooms.size,
      clients: server.engine.clientsCount,
    };
    const left: WeakRef<object>[] = [];
    const onConnection = (socket: object) => left.push(new WeakRef(socket));
    server.on('connection', onConnection);
    const userId = randomUUID();
    const token = await issuer.sign(userId);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const sockets = await Promise.all(
          Array.from({ length: SOCKETS_PER_ROUND }, () => connect(token)),
        );
        // Set up (every room joined) before they close, as a device that stays a while would be.
        await waitFor(() => adapter.rooms.get(`user:${userId}`)?.size === SOCKETS_PER_ROUND, {
          message: 'every connection in its person’s room',
        });
        for (const socket of sockets) socket.close();
        await waitFor(() => server.engine.clientsCount === before.clients, {
          message: 'the gateway to see every connection closed',
        });
      }
    } finally {
      server.off('connection', onConnection);
    }

    expect({
      sockets: namespace.sockets.size,
      sids: adapter.sids.size,
      rooms: adapter.rooms.size,
      clients: server.engine.clientsCount,
    }).toEqual(before);
    expect(left).toHaveLength(ROUNDS * SOCKETS_PER_ROUND);
    // Nest keeps the last connection and the last disconnection it saw (each stream's previous
    // value, to skip repeats): at most two; every other socket must be collectable.
    expect(await stillAlive(left)).toBeLessThanOrEqual(2);
  });
});
