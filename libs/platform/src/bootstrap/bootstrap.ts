import type { IncomingMessage } from 'node:http';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Logger as NestLogger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ConfigError, exitOnConfigError } from '../config/load-config';
import { PlatformConfig } from '../config/platform.config';
import { KafkaConsumerTransport } from '../kafka/kafka-consumer.transport';
import { BODY_LIMIT_BYTES } from './body-limit';
import { BootPhase } from './boot-phase';
import { configureHttpEdge, httpEdgeOptions } from './http-edge';
import type { TracedIncomingMessage } from '../logging/logger-options';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { serveServiceDocument } from '../openapi/service-openapi';
import { SERVICE_NAME } from '../platform.tokens';
import { activeTraceId, nameServerSpan, outgoingTraceparent } from '../trace/spans';
import { newTraceId, traceIdFromTraceparent } from '../trace/trace-context';
import { startTracing } from '../trace/tracing';

export const API_PREFIX = 'api/v1';
// Served at the root of each port, outside the API prefix (API.md, Conventions).
const ROOT_ROUTES = [
  'health/live',
  'health/ready',
  'metrics',
  'docs',
  'docs-json',
  'docs/events.yaml',
];

function requestTraceId(raw: IncomingMessage): string {
  // With tracing on, the server span already holds the caller's trace (or a new one).
  const traceId =
    activeTraceId() ?? traceIdFromTraceparent(raw.headers['traceparent']) ?? newTraceId();
  (raw as TracedIncomingMessage).traceId = traceId;
  return traceId;
}

export interface AppOptions {
  /** App-specific wiring before init (the gateway's proxy, WebSocket adapter and docs). */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
  /** Serve this service's own OpenAPI document at `/docs-json`; the gateway serves a merged one. */
  ownOpenApi?: boolean;
  /** The boot's connection attempts, and its answers on the port meanwhile when it serves. */
  bootPhase?: BootPhase;
}

@Module({})
class BootPhaseModule {}

/** The app's module, with the boot phase every part of it that connects reports to. */
function withBootPhase(module: unknown, bootPhase: BootPhase): DynamicModule {
  return {
    module: BootPhaseModule,
    global: true,
    imports: [module as DynamicModule],
    providers: [{ provide: BootPhase, useValue: bootPhase }],
    exports: [BootPhase],
  };
}

/** Builds the app with every shared piece wired in, without listening (tests use this). */
export async function createApp(
  module: unknown,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const edgeLogger = new NestLogger('Http');
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestTraceId,
    return503OnClosing: true,
    ...httpEdgeOptions(edgeLogger),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    withBootPhase(module, options.bootPhase ?? new BootPhase()),
    adapter,
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: ROOT_ROUTES });
  configureHttpEdge(app, edgeLogger);

  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(PlatformMetrics);
  fastify.addHook('onRequest', (request, _reply, done) => {
    nameServerSpan(request.method, request.routeOptions.url);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('traceparent', outgoingTraceparent(request.id));
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpRequestDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });

  app.connectMicroservice(
    { strategy: app.get(KafkaConsumerTransport) },
    { inheritAppConfig: true },
  );
  if (options.ownOpenApi ?? true) serveServiceDocument(app, String(app.get(SERVICE_NAME)));
  await options.configure?.(app);
  return app;
}

/** Stops the app on SIGTERM/SIGINT; a stuck shutdown is cut short after the configured time. */
function handleSignals(app: INestApplication, timeoutMs: number, logger: NestLogger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received; shutting down`);
    const timer = setTimeout(() => {
      logger.error(`shutdown took longer than ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/**
 * Starts a built app: init hooks, then the Kafka consumer, then HTTP on the configured port,
 * taken over from the boot answers (closed just before, so the gap is one listen call).
 */
export async function startApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get(PlatformConfig);
  // Init first: the lifecycle hooks create the topics the consumer then subscribes to (Nest
  // starts hybrid microservices without running the app's init hooks).
  await app.init();
  await app.startAllMicroservices();
  const port = (await app.get(BootPhase).handOver()) ?? config.PORT;
  await app.listen({ port, host: config.HOST });
}

/**
 * The one call in each app's main.ts: answers on the configured port from the moment the
 * settings are read (live, and not ready naming each dependency not connected yet), builds the
 * app, starts consuming, hands the port to the app and shuts down cleanly on SIGTERM. A bad
 * config stops it with a message naming each bad variable.
 */
export async function bootstrap(
  module: unknown,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  try {
    const app = await createApp(module, { ...options, bootPhase: new BootPhase({ serve: true }) });
    startTracing(String(app.get(SERVICE_NAME)));
    const config = app.get(PlatformConfig);
    const logger = new NestLogger('Bootstrap');
    handleSignals(app, config.SHUTDOWN_TIMEOUT_MS, logger);
    await startApp(app);
    logger.log(`${String(app.get(SERVICE_NAME))} ready on ${await app.getUrl()}`);
    return app;
  } catch (error) {
    if (error instanceof ConfigError) exitOnConfigError(error);
    process.stderr.write(
      `failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  }
}
