import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_TOKEN_AUDIENCE, DEFAULT_ACCESS_TOKEN_ISSUER } from '@rendezvous/contracts';
import { createApp } from '@rendezvous/platform';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { AppModule } from '../src/app.module';
import { RevokedUsers } from '../src/auth/revoked-users';
import { configureGateway } from '../src/gateway-http';

interface Answer {
  status: number;
  type: string;
  body: { code?: string; url?: string; headers?: IncomingHttpHeaders; errors?: { path: string }[] };
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

const randomIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

/** The gateway decides on the decoded, normalised path and forwards exactly that (API.md). */
describe('gateway admission on the decoded path', () => {
  let app: NestFastifyApplication;
  let port: number;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  const servers: Server[] = [];
  const savedEnv = { ...process.env };

  const tokenFor = (userId: string) =>
    new SignJWT({ role: 'user' })
      .setProtectedHeader({ alg: 'ES256', kid: 'test' })
      .setSubject(userId)
      .setIssuer(DEFAULT_ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  beforeAll(async () => {
    const keys = await generateKeyPair('ES256');
    privateKey = keys.privateKey;
    const jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'test', alg: 'ES256' }] };
    // Every service stand-in echoes what reached it, so the test sees what was forwarded.
    const echo = createServer((incoming, response) => {
      incoming.resume();
      incoming.on('end', () => {
        response.setHeader('content-type', 'application/json');
        if (incoming.url === '/api/v1/.well-known/jwks.json') {
          response.end(JSON.stringify(jwks));
          return;
        }
        response.end(JSON.stringify({ url: incoming.url, headers: incoming.headers }));
      });
    });
    servers.push(echo);
    const echoUrl = `http://127.0.0.1:${await listen(echo)}`;
    Object.assign(process.env, {
      USER_SERVICE_URL: echoUrl,
      EVENT_SERVICE_URL: echoUrl,
      MATCHING_SERVICE_URL: echoUrl,
      JWKS_URL: `${echoUrl}/api/v1/.well-known/jwks.json`,
      RATE_LIMIT_AUTH_PER_MINUTE: '3',
      TRUST_PROXY: 'loopback',
      LOG_LEVEL: 'silent',
    });
    app = await createApp(AppModule, { ownOpenApi: false, configure: configureGateway });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all(
      servers.map((s) => new Promise((resolve) => s.closeAllConnections() ?? s.close(resolve))),
    );
    process.env = savedEnv;
  });

  function send(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: Buffer | string,
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port, method, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers['content-type'] ?? ''),
            body: text ? (JSON.parse(text) as Answer['body']) : {},
          });
        });
      });
      outgoing.on('error', reject);
      if (headers['expect']) outgoing.on('continue', () => outgoing.end(body));
      else outgoing.end(body);
    });
  }

  it('needs a token on an encoded spelling of a route and forwards the plain spelling', async () => {
    const anonymous = await send('GET', '/api/v1/%65vents?q=%41');
    expect(anonymous.status).toBe(401);
    expect(anonymous.type).toMatch(/^application\/problem\+json/);
    expect((await send('GET', '/api/v1/%6eotifications')).status).toBe(401);

    const token = await tokenFor(randomUUID());
    const forwarded = await send('GET', '/api/v1/%65v%65nts//mine?q=%41', {
      authorization: `Bearer ${token}`,
    });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.url).toBe('/api/v1/events/mine?q=%41');
  });

  it("refuses a revoked person's token on every spelling of a route", async () => {
    const userId = randomUUID();
    const token = await tokenFor(userId);
    await app.get(RevokedUsers).revoke({ userId, deletedAt: new Date().toISOString() });
    for (const path of ['/api/v1/events', '/api/v1/%65vents', '/api/v1/%45%76ents/../events']) {
      const answer = await send('GET', path, { authorization: `Bearer ${token}` });
      expect([401, 400]).toContain(answer.status);
      expect(answer.type).toMatch(/^application\/problem\+json/);
    }
    const encoded = await send('GET', '/api/v1/%65vents', { authorization: `Bearer ${token}` });
    expect(encoded.status).toBe(401);
  });

  it('counts encoded credential routes against the per-IP credential limit', async () => {
    const ip = randomIp();
    const login = (path: string) =>
      send('POST', path, { 'content-type': 'application/json', 'x-forwarded-for': ip }, '{}');
    for (const path of ['/api/v1/auth/login', '/api/v1/%61uth/login', '/api/v1/auth/%6cogin']) {
      expect((await login(path)).status).toBe(200);
    }
    const limited = await login('/api/v1/a%75th/log%69n');
    expect(limited.status).toBe(429);
    expect((await login('/api/v1/auth/login')).status).toBe(429);
  });

  it.each([
    ['a malformed escape', '/api/v1/users/%zz'],
    ['a .. segment', '/api/v1/events/../users/me'],
    ['an encoded .. segment', '/api/v1/users/%2E%2E/me'],
    ['an encoded slash', '/api/v1/users%2Fme'],
  ])('answers a path with %s with 400 problem details, before any token check', async (_, path) => {
    const answer = await send('GET', path);
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(answer.body.errors?.[0]?.path).toBe('path');
  });

  it('forwards no hop-by-hop header and answers requests carrying them', async () => {
    const token = await tokenFor(randomUUID());
    const answer = await send(
      'POST',
      '/api/v1/users/me',
      {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        expect: '100-continue',
        'keep-alive': 'timeout=5',
        upgrade: 'h2c',
        connection: 'keep-alive, Upgrade, X-Secret',
        te: 'trailers',
        'x-secret': 'for the proxy only',
      },
      '{}',
    );
    expect(answer.status).toBe(200);
    const forwarded = answer.body.headers ?? {};
    for (const name of ['expect', 'keep-alive', 'upgrade', 'te', 'x-secret']) {
      expect(forwarded[name]).toBeUndefined();
    }
    expect(forwarded.authorization).toBe(`Bearer ${token}`);
  });

  it('answers an upload over 1 MiB sent with Expect: 100-continue with 413', async () => {
    const token = await tokenFor(randomUUID());
    const body = Buffer.alloc(1024 * 1024 + 10, 'a');
    const answer = await send(
      'POST',
      '/api/v1/users/me',
      {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': String(body.length),
        expect: '100-continue',
      },
      body,
    );
    expect(answer.status).toBe(413);
    expect(answer.type).toMatch(/^application\/problem\+json/);
  });

  it('refuses a declared body over 1 MiB before reading it, and keeps the connection open', async () => {
    const token = await tokenFor(randomUUID());
    const length = 2 * 1024 * 1024;
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const answers = () => received.split('HTTP/1.1 ').length - 1;
    const answered = (count: number) =>
      new Promise<void>((resolve, reject) => {
        if (answers() >= count) return resolve();
        const onData = () => {
          if (answers() < count) return;
          socket.off('data', onData);
          resolve();
        };
        socket.on('data', onData);
        socket.once('error', reject);
      });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    try {
      socket.write(
        `POST /api/v1/matching/swipes HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
          `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${length}\r\n\r\n`,
      );
      // The answer comes while the body is still on its way, and does not close the connection.
      await answered(1);
      expect(received).toMatch(/^HTTP\/1\.1 413 /);
      expect(received.toLowerCase()).not.toContain('connection: close');
      socket.write(Buffer.alloc(length, 'a'));
      socket.write(
        `GET /api/v1/users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n\r\n`,
      );
      await answered(2);
      expect(received.slice(received.lastIndexOf('HTTP/1.1 '))).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      socket.destroy();
    }
  });

  /**
   * Sends `head`, waits for the answer, then sends `rest` as a client still uploading would: the
   * gateway must read it and close with a FIN, not reset the connection under the client.
   */
  async function answerBeforeUpload(head: string, rest: Buffer) {
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    let received = '';
    const errors: string[] = [];
    socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
    const answered = new Promise<void>((resolve) => socket.once('data', () => resolve()));
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.on('end', () => socket.end());
    socket.write(head);
    await answered;
    const written = await new Promise<string | undefined>((resolve) =>
      socket.write(rest, (error) => resolve((error as NodeJS.ErrnoException)?.code)),
    );
    await ended;
    return { status: Number(received.slice(9, 12)), written, errors };
  }

  it.each<[string, Record<string, string>, number]>([
    ['a declared body over 1 MiB', { 'Content-Length': String(3 * 1024 * 1024) }, 413],
    ['a chunked body over 1 MiB', { 'Transfer-Encoding': 'chunked' }, 413],
    [
      'a 20 KB header',
      { 'Content-Length': String(3 * 1024 * 1024), 'X-Pad': 'a'.repeat(20_000) },
      431,
    ],
  ])(
    'refuses %s on a closing connection without resetting the client still sending',
    async (_label, headers, status) => {
      const token = await tokenFor(randomUUID());
      const chunked = headers['Transfer-Encoding'] === 'chunked';
      const first = chunked ? `100010\r\n${'a'.repeat(0x100010)}\r\n` : '';
      const head =
        `POST /api/v1/matching/swipes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n` +
        `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\n` +
        Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('') +
        `\r\n${first}`;
      const rest = chunked
        ? Buffer.from(`200000\r\n${'a'.repeat(0x200000)}\r\n0\r\n\r\n`)
        : Buffer.alloc(3 * 1024 * 1024, 'a');
      const outcome = await answerBeforeUpload(head, rest);
      expect(outcome).toEqual({ status, written: undefined, errors: [] });
    },
  );
});
