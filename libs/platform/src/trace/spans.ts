import type { Attributes, Context, Span, TextMapGetter } from '@opentelemetry/api';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
} from '@opentelemetry/api';
import { EVENT_HEADERS } from '@rendezvous/contracts';
import type { IHeaders } from 'kafkajs';
import { newTraceId, traceIdFromTraceparent, traceparentFor } from './trace-context';

const tracer = trace.getTracer('rendezvous');

const kafkaHeaderGetter: TextMapGetter<IHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => {
    const value = headers[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  },
};

/** The trace id of the active span, when tracing is on and a span is active. */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  return span && trace.isSpanContextValid(span.spanContext())
    ? span.spanContext().traceId
    : undefined;
}

/**
 * The `traceparent` to hand on from here: the active span's when tracing is on, otherwise one
 * that keeps `traceId` with a fresh parent id (logs still join across services).
 */
export function outgoingTraceparent(traceId: string | undefined): string {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? traceparentFor(traceId ?? newTraceId());
}

function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}

/** Names the request's server span by its route, as a Fastify instrumentation would. */
export function nameServerSpan(method: string, route: string | undefined): void {
  if (route === undefined) return;
  const span = trace.getActiveSpan();
  span?.updateName(`${method} ${route}`);
  span?.setAttribute('http.route', route);
}

/** A `send` (producer) or `process` (consumer) span on a topic, named as OpenTelemetry's
 * messaging conventions say. */
function startKafkaSpan(
  operation: 'send' | 'process',
  topic: string,
  parent: Context,
  attributes: Attributes,
): Span {
  return tracer.startSpan(
    `${operation} ${topic}`,
    {
      kind: operation === 'send' ? SpanKind.PRODUCER : SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': operation,
        'messaging.destination.name': topic,
        ...attributes,
      },
    },
    parent,
  );
}

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  headers?: IHeaders;
}

/**
 * Runs a consumer's handling of one message in a `process <topic>` span, a child of the span
 * that published it. `traceId` is the trace the handling belongs to, with or without tracing.
 */
export async function withConsumerSpan<T>(
  message: ConsumedMessage,
  run: (traceId: string) => Promise<T>,
): Promise<T> {
  const headers = message.headers ?? {};
  const parent = propagation.extract(ROOT_CONTEXT, headers, kafkaHeaderGetter);
  const span = startKafkaSpan('process', message.topic, parent, {
    'messaging.destination.partition.id': String(message.partition),
    'messaging.kafka.offset': Number(message.offset),
  });
  const traceId = trace.isSpanContextValid(span.spanContext())
    ? span.spanContext().traceId
    : (traceIdFromTraceparent(kafkaHeaderGetter.get(headers, EVENT_HEADERS.TRACEPARENT)) ??
      newTraceId());
  try {
    const result = await context.with(trace.setSpan(parent, span), () => run(traceId));
    endSpan(span);
    return result;
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
}

interface RelayedRow {
  topic: string;
  headers: Record<string, string>;
}

/**
 * A `send <topic>` span per outbox row, a child of the span that wrote the row; each row's
 * `traceparent` is replaced by its send span's so consumers continue from the relay.
 * `end` closes them once the broker has answered.
 */
export function startSendSpans<R extends RelayedRow>(
  rows: readonly R[],
  outbox: 'postgres' | 'redis',
): { rows: R[]; end: (error?: unknown) => void } {
  const spans: Span[] = [];
  const sent = rows.map((row) => {
    const parent = propagation.extract(ROOT_CONTEXT, row.headers);
    const span = startKafkaSpan('send', row.topic, parent, { 'rendezvous.outbox': outbox });
    if (!span.isRecording()) return row;
    spans.push(span);
    const headers = { ...row.headers };
    propagation.inject(trace.setSpan(parent, span), headers);
    return { ...row, headers };
  });
  return { rows: sent, end: (error) => spans.forEach((span) => endSpan(span, error)) };
}

/** Runs `fn` in an internal span named `name` (a Socket.IO push, for one). */
export function withSpan<T>(
  name: string,
  attributes: Record<string, string | number>,
  fn: () => T,
  parent: Context = context.active(),
): T {
  const span = tracer.startSpan(name, { attributes }, parent);
  try {
    const result = context.with(trace.setSpan(parent, span), fn);
    endSpan(span);
    return result;
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
}
