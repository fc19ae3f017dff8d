import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_TOKEN_AUDIENCE, DEFAULT_ACCESS_TOKEN_ISSUER } from '@rendezvous/contracts';
import { createApp } from '@rendezvous/platform';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { AppModule } from '../src/app.module';
import { configureGateway } from '../src/gateway-http';

interface Echo {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

describe('gateway forwarding', () => {
  let app: NestFastifyApplication;
  let gateway: string;
  let token: string;
  const servers: Server[] = [];
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'test', alg: 'ES256' }] };
    token = await new SignJWT({ role: 'user' })
      .setProtectedHeader({ alg: 'ES256', kid: 'test' })
      .setSubject(randomUUID())
      .setIssuer(DEFAULT_ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

    // The user service stand-in echoes what it received and serves the test key set.
    const echo = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        if (request.url === '/api/v1/.well-known/jwks.json')
          return response.end(JSON.stringify(jwks));
        response.statusCode = request.url?.startsWith('/api/v1/users/missing') ? 404 : 200;
        const answer: Echo = {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body,
        };
        response.end(JSON.stringify(answer));
      });
    });
    // The event service stand-in accepts requests and never answers.
    const hanging = createServer(() => undefined);
    servers.push(echo, hanging);
    const [echoUrl, hangingUrl] = await Promise.all([listen(echo), listen(hanging)]);

    Object.assign(process.env, {
      USER_SERVICE_URL: echoUrl,
      EVENT_SERVICE_URL: hangingUrl,
      MATCHING_SERVICE_URL: 'http://127.0.0.1:1',
      JWKS_URL: `${echoUrl}/api/v1/.well-known/jwks.json`,
      UPSTREAM_TIMEOUT_MS: '500',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000',
      LOG_LEVEL: 'silent',
    });
    app = await createApp(AppModule, { ownOpenApi: false, configure: configureGateway });
    await app.listen({ port: 0, host: '127.0.0.1' });
    gateway = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all(
      servers.map((s) => new Promise((resolve) => s.closeAllConnections() ?? s.close(resolve))),
    );
    process.env = savedEnv;
  });

  it('forwards a public request with its body, query and a trace the service continues', async () => {
    const body = JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(20_000) });
    const response = await fetch(`${gateway}/api/v1/auth/login?lang=fr`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body,
    });
    expect(response.status).toBe(200);
    const echo = (await response.json()) as Echo;
    expect(echo).toMatchObject({ method: 'POST', url: '/api/v1/auth/login?lang=fr', body });
    const traceId = response.headers.get('traceparent')?.split('-')[1];
    expect(traceId).toMatch(/^[\da-f]{32}$/);
    expect(echo.headers.traceparent).toContain(`-${traceId}-`);
    expect(echo.headers['x-forwarded-for']).toMatch(/^203\.0\.113\.9, /);
  });

  it("forwards an authenticated request with the caller's token and passes errors through", async () => {
    const response = await fetch(`${gateway}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Echo).headers.authorization).toBe(`Bearer ${token}`);
    const missing = await fetch(`${gateway}/api/v1/users/missing`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(missing.status).toBe(404);
  });

  it('answers 401 before forwarding when the token is missing', async () => {
    const response = await fetch(`${gateway}/api/v1/users/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers 503 problem details when the owning service is down', async () => {
    const response = await fetch(`${gateway}/api/v1/matching/matches`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(503);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('GATEWAY.UPSTREAM_UNAVAILABLE');
    expect(problem.detail).toContain('matching');
  });

  it('answers 504 instead of hanging when the service does not answer in time', async () => {
    const started = Date.now();
    const response = await fetch(`${gateway}/api/v1/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(504);
    expect(((await response.json()) as { code: string }).code).toBe('GATEWAY.UPSTREAM_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
