import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AnyEnvelope, ConnectionEventData } from '@rendezvous/contracts';
import { AUTH_ERRORS, COMMON_ERRORS, EVENT_HEADERS, TOPICS, dlqTopic } from '@rendezvous/contracts';
import { EnvelopeValidator, RedisStateRebuildingError, createApp } from '@rendezvous/platform';
import type { TestRequest, TokenIssuer } from '@rendezvous/testing';
import {
  anEnvelope,
  apiRequests,
  aUserStatusEvent,
  startTokenIssuer,
  testKafka,
  testRedis,
  waitFor,
} from '@rendezvous/testing';
import type Redis from 'ioredis';
import type { Producer } from 'kafkajs';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { deadLetterId } from '../src/admin/dead-letters/dead-letter-id';
import { DeadLetterIndexer } from '../src/admin/dead-letters/dead-letter-indexer';
import { DeadLetterStore } from '../src/admin/dead-letters/dead-letter-store';
import { AppModule } from '../src/app.module';
import { AccessState } from '../src/auth/access-state';
import { AccountStandingConsumer } from '../src/auth/account-standing.consumer';
import { configureGateway } from '../src/gateway-http';
import { HistoryRecovery } from '../src/notifications/history-recovery';
import { NotificationHistory } from '../src/notifications/notification-history';
import { NotificationsConsumer } from '../src/notifications/notifications.consumer';

type HandshakeError = Error & { data?: Record<string, unknown> };

const HOUR_MS = 3_600_000;

/**
 * A gateway on the real Redis and Kafka whose Redis is flushed (as a restart without persistence
 * or a failover would leave it). Events go to Kafka, as the user service and the others publish
 * them, and to the gateway's consumers, as its live consumer would hand them over.
 */
describe('the gateway after Redis lost its data', () => {
  let app: NestFastifyApplication;
  let url: string;
  let api: TestRequest;
  let issuer: TokenIssuer;
  let upstream: Server;
  let redis: Redis;
  let producer: Producer;
  const kafka = testKafka();
  const validator = new EnvelopeValidator();
  const sockets: Socket[] = [];
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    upstream = createServer((request, response) => {
      request.resume();
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ url: request.url }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    Object.assign(process.env, {
      USER_SERVICE_URL: upstreamUrl,
      JWKS_URL: issuer.jwksUrl,
      LOG_LEVEL: 'silent',
    });
    app = await createApp(AppModule, { ownOpenApi: false, configure: configureGateway });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    api = apiRequests(app);
    redis = testRedis();
    producer = kafka.producer();
    await producer.connect();
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await producer?.disconnect();
    await redis?.quit();
    await app?.close();
    issuer?.close();
    upstream?.closeAllConnections();
    await new Promise((resolve) => upstream?.close(resolve));
    process.env = savedEnv;
  });

  /** Publishes the event and hands it to the gateway's consumer, as its live consumer would. */
  async function happen(envelope: AnyEnvelope, kafkaTimestamp = Date.now()): Promise<void> {
    const value = JSON.stringify(envelope);
    await producer.send({
      topic: envelope.type,
      messages: [{ key: envelope.aggregateId, value, timestamp: String(kafkaTimestamp) }],
    });
    await deliver(envelope);
  }

  async function deliver(envelope: AnyEnvelope): Promise<void> {
    const parsed = validator.parse(envelope.type, Buffer.from(JSON.stringify(envelope)));
    switch (parsed.type) {
      case TOPICS.USER_STATUS_CHANGED:
        return app.get(AccountStandingConsumer).onStatusChanged(parsed);
      case TOPICS.USER_DELETED:
        return app.get(NotificationsConsumer).onUserDeleted(parsed);
      default:
        return app.get(NotificationsConsumer).deliver(parsed);
    }
  }

  const deletion = (userId: string) =>
    anEnvelope(
      TOPICS.USER_DELETED,
      { userId, deletedAt: new Date().toISOString() },
      { aggregateId: userId, version: 9 },
    );

  function connectionRequested(to: string, occurredAt: Date): AnyEnvelope {
    const data: ConnectionEventData = {
      connectionId: randomUUID(),
      fromUserId: randomUUID(),
      toUserId: to,
      status: 'pending',
      types: ['request'],
      strength: 0,
    };
    return {
      ...anEnvelope(TOPICS.CONNECTION_REQUESTED, data, {
        aggregateId: data.connectionId,
        recipientIds: [to],
      }),
      occurredAt: occurredAt.toISOString(),
    };
  }

  function openSocket(token: string): Socket {
    const socket = io(url, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    return socket;
  }

  /** Resolves with the handshake's error; fails the test if the socket connects instead. */
  function refusedHandshake(token: string): Promise<HandshakeError> {
    const socket = openSocket(token);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the handshake was accepted')));
      socket.once('connect_error', resolve);
    });
  }

  function connected(token: string): Promise<Socket> {
    const socket = openSocket(token);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  it("refuses a suspended and a deleted person's tokens after a flush: 503 until rebuilt, then 401", async () => {
    const [sue, dee, ann] = [randomUUID(), randomUUID(), randomUUID()];
    const [sueToken, deeToken, annToken] = await Promise.all(
      [sue, dee, ann].map((id) => issuer.sign(id)),
    );
    await happen(aUserStatusEvent(sue, 3, { status: 'suspended' }));
    await happen(deletion(dee));
    expect((await api('GET', '/users/me', { token: sueToken })).status).toBe(401);
    expect((await api('GET', '/users/me', { token: deeToken })).status).toBe(401);
    const annSocket = await connected(annToken);

    // Held still, so the window between the loss and the rebuild stays open for the test.
    const access = app.get(AccessState);
    await access.guard.stop();
    await redis.flushall();

    for (const token of [sueToken, deeToken, annToken]) {
      const answer = await api('GET', '/users/me', { token });
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.body.code).toBe(COMMON_ERRORS.DEPENDENCY_UNAVAILABLE);
    }
    for (const token of [sueToken, deeToken]) {
      const error = await refusedHandshake(token);
      expect(error.message).toBe(COMMON_ERRORS.DEPENDENCY_UNAVAILABLE);
      expect(error.data).toMatchObject({ status: 503 });
    }

    await expect(access.guard.start()).resolves.toBe(true);

    const suspended = await api('GET', '/users/me', { token: sueToken });
    expect(suspended.status).toBe(401);
    expect(suspended.body.code).toBe(AUTH_ERRORS.ACCOUNT_SUSPENDED);
    expect((await api('GET', '/users/me', { token: deeToken })).status).toBe(401);
    expect((await api('GET', '/users/me', { token: annToken })).status).toBe(200);
    expect((await refusedHandshake(sueToken)).message).toBe(AUTH_ERRORS.ACCOUNT_SUSPENDED);
    expect((await refusedHandshake(deeToken)).message).toBe('unauthorized');
    await connected(annToken);
    expect(annSocket.connected).toBe(true);
  });

  it('notices a flush by itself and admits no revoked token before the rebuild is done', async () => {
    const [sue, dee] = [randomUUID(), randomUUID()];
    const [sueToken, deeToken] = await Promise.all([issuer.sign(sue), issuer.sign(dee)]);
    await happen(aUserStatusEvent(sue, 2, { status: 'banned' }));
    await happen(deletion(dee));

    await redis.flushall();
    const seen: number[] = [];
    await waitFor(
      async () => {
        const answers = await Promise.all(
          [sueToken, deeToken].map((token) => api('GET', '/users/me', { token })),
        );
        seen.push(...answers.map((answer) => answer.status));
        return answers.every((answer) => answer.status === 401);
      },
      { timeoutMs: 20_000, intervalMs: 20, message: 'both refused again' },
    );

    expect(seen.slice(0, 2)).toEqual([503, 503]);
    expect(new Set(seen)).toEqual(new Set([503, 401]));
  });

  it('writes the last day of notifications back in order, once, answering 503 meanwhile', async () => {
    const [pat, gone] = [randomUUID(), randomUUID()];
    const token = await issuer.sign(pat);
    const recovery = app.get(HistoryRecovery);
    await waitFor(() => recovery.guard.check(), { message: 'the histories whole' });
    const now = Date.now();
    const old = connectionRequested(pat, new Date(now - 30 * HOUR_MS));
    await happen(old, now - 30 * HOUR_MS);
    const recent = [3, 2, 1].map((hours) =>
      connectionRequested(pat, new Date(now - hours * HOUR_MS)),
    );
    for (const event of recent) await happen(event, Date.parse(event.occurredAt));
    await happen(connectionRequested(gone, new Date(now - HOUR_MS)), now - HOUR_MS);
    await happen(deletion(gone));
    const ids = async () =>
      (
        await api<{ items: { notificationId: string }[] }>('GET', '/notifications', { token })
      ).body.items.map((item) => item.notificationId);
    expect(await ids()).toEqual([old.id, ...recent.map((event) => event.id)]);

    await recovery.guard.stop();
    await redis.flushall();
    await waitFor(() => app.get(AccessState).guard.check(), { message: 'access rebuilt' });

    const refused = await api('GET', '/notifications', { token });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    // The live consumer goes on meanwhile: this one is recorded before the older ones return.
    const latest = connectionRequested(pat, new Date());
    await happen(latest);

    await expect(recovery.guard.start()).resolves.toBe(true);

    expect(await ids()).toEqual([...recent.map((event) => event.id), latest.id]);
    await deliver(recent[1]);
    expect(await ids()).toEqual([...recent.map((event) => event.id), latest.id]);
    await expect(app.get(NotificationHistory).all(gone)).resolves.toEqual([]);
    const [first] = (
      await api<{ items: Record<string, unknown>[] }>('GET', '/notifications', { token })
    ).body.items;
    expect(first).toEqual({
      notificationId: recent[0].id,
      event: 'connection.requested',
      occurredAt: recent[0].occurredAt,
      payload: expect.objectContaining({ notificationId: recent[0].id }),
    });
  });

  it('reads the dead-letter index back after a flush, refusing to answer meanwhile', async () => {
    const indexer = app.get(DeadLetterIndexer);
    const store = app.get(DeadLetterStore);
    await waitFor(() => indexer.guard.check(), { message: 'the index whole' });
    const [parked] = await producer.send({
      topic: dlqTopic(TOPICS.USER_BLOCKED),
      messages: [
        {
          key: randomUUID(),
          value: '{"not": "an envelope"}',
          headers: {
            [EVENT_HEADERS.DLQ_ERROR]: 'PoisonMessageError: invalid envelope',
            [EVENT_HEADERS.DLQ_SOURCE_TOPIC]: TOPICS.USER_BLOCKED,
          },
        },
      ],
    });
    const id = deadLetterId(parked.topicName, parked.partition, parked.baseOffset ?? '');
    await waitFor(() => store.get(id), { message: 'the dead letter indexed' });

    await indexer.guard.stop();
    await redis.flushall();
    await expect(store.get(id)).rejects.toBeInstanceOf(RedisStateRebuildingError);

    await expect(indexer.guard.start()).resolves.toBe(true);
    expect(await store.get(id)).toMatchObject({
      id,
      originalTopic: TOPICS.USER_BLOCKED,
      status: 'pending',
    });
  });
});
