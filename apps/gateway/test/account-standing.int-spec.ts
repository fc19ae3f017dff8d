import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  AccountStatus,
  ReportCreatedData,
  ReportDecidedData,
  Role,
} from '@rendezvous/contracts';
import { AUTH_ERRORS, COMMON_ERRORS, TOPICS } from '@rendezvous/contracts';
import { EnvelopeValidator, createApp } from '@rendezvous/platform';
import type { TestRequest, TokenIssuer } from '@rendezvous/testing';
import {
  anEnvelope,
  apiRequests,
  startTokenIssuer,
  uniqueName,
  waitFor,
  aUserStatusEvent,
} from '@rendezvous/testing';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { STATS_KEY_PREFIX } from '../src/admin/admin-stats';
import { AdminStatsRecovery } from '../src/admin/admin-stats-recovery';
import { AdminStatsConsumer } from '../src/admin/admin-stats.consumer';
import { AppModule } from '../src/app.module';
import { AccountStandingConsumer } from '../src/auth/account-standing.consumer';
import { RevokedUsers } from '../src/auth/revoked-users';
import { configureGateway } from '../src/gateway-http';
import { NotificationsConsumer } from '../src/notifications/notifications.consumer';

interface Received {
  event: string;
  payload: Record<string, unknown>;
}

interface Connection {
  socket: Socket;
  received: Received[];
  next(event: string): Promise<Received>;
}

/** The gateway's counters in their own Redis keys, so the running suite's don't interfere. */
@Global()
@Module({
  providers: [{ provide: STATS_KEY_PREFIX, useValue: uniqueName('stats-standing') }],
  exports: [STATS_KEY_PREFIX],
})
class OwnStatsKeys {}

@Module({ imports: [OwnStatsKeys, AppModule] })
class GatewayUnderTest {}

/**
 * Two gateway replicas on one Redis: events are handed to replica A's consumers (after the
 * same validation Kafka messages get), HTTP and sockets go to replica B, so what the test sees
 * crossed replicas through Redis.
 */
describe('suspensions, bans and roles at the gateway', () => {
  let consumer: NestFastifyApplication;
  let edge: NestFastifyApplication;
  let edgeUrl: string;
  let api: TestRequest;
  let issuer: TokenIssuer;
  let upstream: Server;
  const versions = new Map<string, number>();
  const validator = new EnvelopeValidator();
  const sockets: Socket[] = [];
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    // Every service stand-in answers 200 with the path it was asked for.
    upstream = createServer((request, response) => {
      request.resume();
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ url: request.url }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    Object.assign(process.env, {
      USER_SERVICE_URL: upstreamUrl,
      EVENT_SERVICE_URL: upstreamUrl,
      MATCHING_SERVICE_URL: upstreamUrl,
      JWKS_URL: issuer.jwksUrl,
      LOG_LEVEL: 'silent',
    });
    const start = async () => {
      const app = await createApp(GatewayUnderTest, {
        ownOpenApi: false,
        configure: configureGateway,
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      return app;
    };
    consumer = await start();
    edge = await start();
    edgeUrl = `http://127.0.0.1:${(edge.getHttpServer().address() as AddressInfo).port}`;
    api = apiRequests(edge);
    // The counters' own keys start empty, so each replica first rebuilds them from the topics
    // (answering 503 meanwhile); late in a run the topics are long and that takes a while.
    for (const app of [consumer, edge]) {
      await waitFor(() => app.get(AdminStatsRecovery).check(), {
        timeoutMs: 60_000,
        message: 'the admin counters whole',
      });
    }
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await edge?.close();
    await consumer?.close();
    issuer?.close();
    upstream?.closeAllConnections();
    await new Promise((resolve) => upstream?.close(resolve));
    process.env = savedEnv;
  });

  /** Hands an event to replica A as its Kafka consumer would, after the same validation. */
  async function deliver(envelope: { type: string }): Promise<void> {
    const parsed = validator.parse(envelope.type, Buffer.from(JSON.stringify(envelope)));
    switch (parsed.type) {
      case TOPICS.USER_STATUS_CHANGED:
        return consumer.get(AccountStandingConsumer).onStatusChanged(parsed);
      case TOPICS.REPORT_CREATED:
      case TOPICS.REPORT_DECIDED:
        await consumer.get(NotificationsConsumer).deliver(parsed);
        return consumer.get(AdminStatsConsumer).count(parsed);
      default:
        throw new Error(`no consumer for ${parsed.type} in this test`);
    }
  }

  /** The person's next standing, on their version sequence; `version` replays an older one. */
  function statusChanged(
    userId: string,
    change: {
      status?: AccountStatus;
      suspendedUntil?: string | null;
      role?: Role;
      roleChangedAt?: string | null;
    },
    version = (versions.get(userId) ?? 1) + 1,
  ) {
    versions.set(userId, Math.max(version, versions.get(userId) ?? 1));
    return aUserStatusEvent(userId, version, change);
  }

  function reportCreated(subjectUserId: string, staff: string[]) {
    const data: ReportCreatedData = {
      reportId: randomUUID(),
      reporterId: randomUUID(),
      subjectUserId,
      reason: 'harassment',
      context: null,
      subjectOpenReports: 1,
      createdAt: new Date().toISOString(),
    };
    return anEnvelope(TOPICS.REPORT_CREATED, data, {
      aggregateId: data.reportId,
      recipientIds: staff,
    });
  }

  function reportDecided(report: ReportCreatedData, action: ReportDecidedData['action']) {
    const data: ReportDecidedData = {
      reportId: report.reportId,
      subjectUserId: report.subjectUserId,
      reason: report.reason,
      action,
      status: action === 'dismiss' ? 'dismissed' : 'actioned',
      decidedBy: randomUUID(),
      decidedAt: new Date().toISOString(),
    };
    return anEnvelope(TOPICS.REPORT_DECIDED, data, {
      aggregateId: report.reportId,
      version: 2,
      recipientIds: action === 'warn' ? [report.subjectUserId] : [],
    });
  }

  function openSocket(token: string): Socket {
    const socket = io(edgeUrl, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    return socket;
  }

  async function connect(token: string): Promise<Connection> {
    const socket = openSocket(token);
    const received: Received[] = [];
    socket.onAny((event: string, payload: Record<string, unknown>) =>
      received.push({ event, payload }),
    );
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return {
      socket,
      received,
      next: (event) =>
        waitFor(() => received.find((r) => r.event === event), {
          timeoutMs: 5_000,
          message: `socket event ${event}`,
        }),
    };
  }

  /** The first `401` replica B answers, within the 5 s a revocation may take (API.md). */
  function refusedAtB(path: string, token: string) {
    return waitFor(
      async () => {
        const answer = await api('GET', path, { token });
        return answer.status === 401 && answer;
      },
      { timeoutMs: 5_000, intervalMs: 5, message: `a 401 for ${path} at replica B` },
    );
  }

  function refusedHandshake(token: string): Promise<Error & { data?: Record<string, unknown> }> {
    const socket = openSocket(token);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the handshake was accepted')));
      socket.once('connect_error', resolve);
    });
  }

  it("refuses a suspended person's token, and an older event does not undo a newer one", async () => {
    const ada = randomUUID();
    const token = await issuer.sign(ada);
    expect((await api('GET', '/users/me', { token })).status).toBe(200);

    await deliver(statusChanged(ada, { status: 'suspended' }, 3));
    // B admitted ada a moment ago; it hears of the change over pub/sub, at most 5 s (API.md).
    const refused = await refusedAtB('/users/me', token);
    expect(refused.body).toMatchObject({
      status: 401,
      code: AUTH_ERRORS.ACCOUNT_SUSPENDED,
      accountStatus: 'suspended',
      suspendedUntil: null,
    });

    await deliver(statusChanged(ada, { status: 'active' }, 2));
    expect((await api('GET', '/users/me', { token })).body.code).toBe(
      AUTH_ERRORS.ACCOUNT_SUSPENDED,
    );
    await deliver(statusChanged(ada, { status: 'banned' }, 4));
    expect((await api('GET', '/notifications', { token })).body).toMatchObject({
      accountStatus: 'banned',
    });
    await deliver(statusChanged(ada, { status: 'active' }, 5));
    expect((await api('GET', '/users/me', { token })).status).toBe(200);
  });

  it('lets a person in again by itself when a timed suspension ends', async () => {
    const bob = randomUUID();
    const token = await issuer.sign(bob);
    const suspendedUntil = new Date(Date.now() + 1_500).toISOString();
    await deliver(statusChanged(bob, { status: 'suspended', suspendedUntil }));
    const refused = await api('GET', '/users/me', { token });
    expect(refused.body).toMatchObject({ code: AUTH_ERRORS.ACCOUNT_SUSPENDED, suspendedUntil });
    await waitFor(async () => (await api('GET', '/users/me', { token })).status === 200, {
      timeoutMs: 5_000,
      message: 'the suspension to end',
    });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(suspendedUntil));
  });

  it("refuses a demoted moderator's old token and closes its sockets; a new token passes", async () => {
    const cy = randomUUID();
    const moderatorToken = await issuer.sign(cy, 'moderator');
    expect((await api('GET', '/admin/users', { token: moderatorToken })).status).toBe(200);
    const connection = await connect(moderatorToken);
    const closed = new Promise((resolve) => connection.socket.once('disconnect', resolve));

    await deliver(statusChanged(cy, { role: 'user', roleChangedAt: new Date().toISOString() }));
    const refused = await refusedAtB('/admin/users', moderatorToken);
    expect(refused.body.code).toBe(AUTH_ERRORS.ROLE_CHANGED);
    await closed;

    const userToken = await issuer.sign(cy, 'user');
    expect((await api('GET', '/users/me', { token: userToken })).status).toBe(200);
    expect((await api('GET', '/admin/users', { token: userToken })).status).toBe(403);
  });

  it('closes a suspended person’s sockets on every replica and then refuses the handshake', async () => {
    const dan = randomUUID();
    const token = await issuer.sign(dan);
    const phone = await connect(token);
    const laptop = await connect(token);
    const closed = [phone, laptop].map(
      ({ socket }) => new Promise((resolve) => socket.once('disconnect', resolve)),
    );

    const suspendedUntil = new Date(Date.now() + 3_600_000).toISOString();
    await deliver(statusChanged(dan, { status: 'suspended', suspendedUntil }));
    await Promise.all(closed);

    const error = await refusedHandshake(token);
    expect(error.message).toBe(AUTH_ERRORS.ACCOUNT_SUSPENDED);
    expect(error.data).toMatchObject({
      status: 403,
      code: AUTH_ERRORS.ACCOUNT_SUSPENDED,
      accountStatus: 'suspended',
      suspendedUntil,
    });

    const deleted = randomUUID();
    const deletedToken = await issuer.sign(deleted);
    await consumer
      .get(RevokedUsers)
      .revoke({ userId: deleted, deletedAt: new Date().toISOString() });
    const unauthorized = await refusedHandshake(deletedToken);
    expect(unauthorized.message).toBe('unauthorized');
    expect(unauthorized.data).toBeUndefined();
  });

  it('tells connected moderators and admins of a new report, and someone granted the role', async () => {
    const [moderator, admin, member, granted] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const moderatorToken = await issuer.sign(moderator, 'moderator');
    const moderatorSocket = await connect(moderatorToken);
    const adminSocket = await connect(await issuer.sign(admin, 'admin'));
    const memberSocket = await connect(await issuer.sign(member));
    const grantedSocket = await connect(await issuer.sign(granted));

    const first = reportCreated(member, [moderator, admin]);
    await deliver(first);
    const seen = await moderatorSocket.next('moderation.report_created');
    expect(seen.payload).toEqual({
      reportId: first.data.reportId,
      subjectUserId: member,
      reason: 'harassment',
      subjectOpenReports: 1,
      notificationId: first.id,
      occurredAt: first.occurredAt,
    });
    expect((await adminSocket.next('moderation.report_created')).payload).toEqual(seen.payload);
    const history = await api<{ items: { event: string; notificationId: string }[] }>(
      'GET',
      '/notifications',
      { token: moderatorToken },
    );
    expect(history.body.items).toEqual([
      expect.objectContaining({ event: 'moderation.report_created', notificationId: first.id }),
    ]);

    await deliver(
      statusChanged(granted, { role: 'moderator', roleChangedAt: new Date().toISOString() }),
    );
    const second = reportCreated(member, [moderator, admin, granted]);
    await deliver(second);
    expect((await grantedSocket.next('moderation.report_created')).payload.notificationId).toBe(
      second.id,
    );
    // The member's own notice comes after both reports: by then they would have had them.
    await deliver(reportDecided(second.data, 'warn'));
    expect((await memberSocket.next('account.warned')).payload).toEqual({
      reason: 'harassment',
      notificationId: expect.any(String),
      occurredAt: expect.any(String),
    });
    expect(memberSocket.received.map((r) => r.event)).toEqual(['account.warned']);
    expect(
      adminSocket.received.filter((r) => r.event === 'moderation.report_created'),
    ).toHaveLength(2);
  });

  it('counts open reports up when filed and down when decided, and reports per day', async () => {
    const token = await issuer.sign(randomUUID(), 'moderator');
    const stats = async () =>
      (await api<{ reportsOpen: number }>('GET', '/admin/stats', { token })).body.reportsOpen;
    const today = async () => {
      const daily = await api<{ items: { reports: number }[] }>(
        'GET',
        '/admin/stats/daily?days=1',
        {
          token,
        },
      );
      return daily.body.items[0].reports;
    };
    const [openBefore, todayBefore] = [await stats(), await today()];
    const reports = [reportCreated(randomUUID(), []), reportCreated(randomUUID(), [])];
    for (const report of reports) await deliver(report);
    await deliver(reports[0]);
    expect(await stats()).toBe(openBefore + 2);
    expect(await today()).toBe(todayBefore + 2);
    await deliver(reportDecided(reports[0].data, 'dismiss'));
    await deliver(reportDecided(reports[1].data, 'suspend'));
    expect(await stats()).toBe(openBefore);
  });

  it('answers 403 to a plain user on every admin route before forwarding', async () => {
    const token = await issuer.sign(randomUUID());
    for (const path of ['/admin/users', '/admin/reports', '/admin/audit', '/admin/stats']) {
      const answer = await api('GET', path, { token });
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe(COMMON_ERRORS.FORBIDDEN);
    }
    const moderator = await issuer.sign(randomUUID(), 'moderator');
    const forwarded = await api<{ url: string }>('GET', '/admin/users?q=ad', { token: moderator });
    expect(forwarded.body.url).toBe('/api/v1/admin/users?q=ad');
    expect((await api('GET', '/admin/secrets', { token })).status).toBe(404);
  });
});
