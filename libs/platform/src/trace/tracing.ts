import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { ConfigError, exitOnConfigError, loadConfig } from '../config/load-config';
import { TracingConfig } from './tracing.config';

// Probes, scrapes and Socket.IO's transport requests would bury the traces that matter; a
// push is traced where it starts (the event), not as the socket's traffic.
const UNTRACED_PATHS = /^\/(health\/|metrics|docs|socket\.io\/)/;

let config: TracingConfig | undefined;
let provider: TracerProvider | undefined;

/**
 * Hooks http, pg and ioredis when an exporter is set. It must run before anything requires
 * them, so the platform's entry point imports it first; spans start flowing once
 * `startTracing` names the service. Kafka and Socket.IO spans come from spans.ts.
 */
export function instrument(): void {
  if (config) return;
  config = loadConfig(TracingConfig);
  if (config.TRACING_EXPORTER === 'none') return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? ''),
        // Upstream health checks and JWKS fetches are not part of anyone's request.
        requireParentforOutgoingSpans: true,
      }),
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
}

/**
 * Registers the SDK for one service: parent-based ratio sampling and batched export to
 * Zipkin. With `TRACING_EXPORTER=none` nothing is registered and every span is a no-op.
 */
export function startTracing(serviceName: string): void {
  if (!config || config.TRACING_EXPORTER === 'none' || provider) return;
  provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    sampler: new ParentBasedSampler({
      root: new TraceIdRatioBasedSampler(config.TRACING_SAMPLE_RATIO),
    }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new ZipkinExporter({ url: config.TRACING_ZIPKIN_URL, serviceName }),
        // Spans reach the collector within about a second; a full queue drops, never blocks.
        scheduledDelayMillis: 1_000,
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
}

/** Sends the spans still buffered; called as the process shuts down. */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  await stopping?.shutdown();
}

/** Bad tracing settings stop the process like any bad setting: a message and exit code 78. */
export function instrumentOrExit(): void {
  try {
    instrument();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    exitOnConfigError(error);
  }
}
