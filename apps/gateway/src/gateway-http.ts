import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { BODY_LIMIT_BYTES, REDIS, sendProblem, serviceDocument } from '@rendezvous/platform';
import type Redis from 'ioredis';
import { adminPortal, PORTAL_HELMET } from './admin-portal/admin-portal';
import { GatewayConfig } from './config';
import { ApiDocs } from './docs/api-docs';
import { addSecurityHeaders } from './http/security-headers';
import { Admission } from './proxy/admission';
import { bodyTooLarge } from './proxy/body-limit';
import { forwarding } from './proxy/forwarding';
import { RedisStreamsIoAdapter } from './realtime/redis-streams-io.adapter';
import { API_ROOT, isKnownApiPath } from './routing/routes';
import { upstreamsFrom } from './upstreams/upstreams';

const listOf = (value: string) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

const SOCKET_IO_PATH = '/socket.io/';

const isApiPath = (url: string) =>
  url === API_ROOT || url.startsWith(`${API_ROOT}/`) || url.startsWith(`${API_ROOT}?`);

/**
 * The gateway's HTTP edge, wired before Nest initialises: security headers and CORS, the
 * admission hook (token and rate limits) on every `/api/v1` request, forwarding to the
 * services, Socket.IO on the same port, the merged API docs and the admin portal.
 */
export async function configureGateway(app: NestFastifyApplication): Promise<void> {
  const config = app.get(GatewayConfig);
  const logger = new Logger('Gateway');
  const origins = listOf(config.CORS_ORIGINS);

  app.enableCors({
    origin: origins.length > 0 ? origins : false,
    credentials: true,
    exposedHeaders: ['retry-after', 'traceparent'],
  });
  const http = app.getHttpAdapter().getInstance();
  if (config.SECURITY_HEADERS) {
    addSecurityHeaders(
      http,
      {
        // Swagger UI at /docs needs its inline bootstrap script and styles.
        contentSecurityPolicy: {
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'", "'unsafe-inline'"],
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", 'data:'],
            connectSrc: ["'self'"],
            frameAncestors: ["'none'"],
            upgradeInsecureRequests: null,
          },
        },
        hsts: config.HSTS_MAX_AGE_SECONDS > 0 ? { maxAge: config.HSTS_MAX_AGE_SECONDS } : false,
      },
      PORTAL_HELMET,
    );
  }

  const admission = app.get(Admission);
  http.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' || !isApiPath(request.url)) return;
    if (!isKnownApiPath(request.url)) return;
    try {
      await admission.admit(request);
      // Refused before anything reads the body, Node drops the declared bytes and keeps the
      // connection open for the client's next request (a body parser's refusal closes it).
      if (Number(request.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES) {
        throw bodyTooLarge();
      }
    } catch (error) {
      sendProblem(error, request, reply, logger);
      return reply;
    }
  });

  await app.register(forwarding, {
    upstreams: upstreamsFrom(config),
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    logger,
  });

  await app.register(adminPortal, { root: config.ADMIN_PORTAL_DIR, logger });

  app.useWebSocketAdapter(new RedisStreamsIoAdapter(app, app.get<Redis>(REDIS), origins));
  // Only Socket.IO's handshake upgrades the connection. Any other request asking to (curl
  // --http2 sends `Upgrade: h2c`) is served as plain HTTP instead of being dropped.
  const server = app.getHttpServer() as HttpServer & {
    shouldUpgradeCallback: (request: IncomingMessage) => boolean;
  };
  server.shouldUpgradeCallback = (request) => request.url?.startsWith(SOCKET_IO_PATH) ?? false;

  const docs = app.get(ApiDocs);
  SwaggerModule.setup('docs', app, serviceDocument(app, 'gateway'), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Rendezvous API',
    patchDocumentOnRequest: (_request, _reply, own) => docs.merged(own),
  });
}
