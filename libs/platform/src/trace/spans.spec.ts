import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { startSendSpans, withConsumerSpan, withSpan } from './spans';
import { traceIdFromTraceparent } from './trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const WRITER_SPAN = '00f067aa0ba902b7';
const writerParent = `00-${TRACE_ID}-${WRITER_SPAN}-01`;
const row = (traceparent: string) => ({
  topic: 'match.created',
  headers: { 'event-type': 'match.created', traceparent },
});

describe('spans with tracing off', () => {
  it('leaves outbox rows as written and keeps the trace id a consumer reads', async () => {
    const sending = startSendSpans([row(writerParent)], 'postgres');
    expect(sending.rows[0].headers.traceparent).toBe(writerParent);
    sending.end();
    const traceId = await withConsumerSpan(
      {
        topic: 't',
        partition: 0,
        offset: '1',
        headers: { traceparent: Buffer.from(writerParent) },
      },
      async (id) => id,
    );
    expect(traceId).toBe(TRACE_ID);
  });
});

describe('spans with tracing on', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
  });
  afterEach(() => exporter.reset());
  afterAll(() => {
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('relays each row in a send span under its writer and hands that span on', () => {
    const sending = startSendSpans([row(writerParent)], 'redis');
    sending.end();
    const [send] = exporter.getFinishedSpans();
    expect(send.name).toBe('send match.created');
    expect(send.parentSpanContext?.spanId).toBe(WRITER_SPAN);
    expect(send.spanContext().traceId).toBe(TRACE_ID);
    expect(send.attributes['rendezvous.outbox']).toBe('redis');
    expect(sending.rows[0].headers.traceparent).toBe(
      `00-${TRACE_ID}-${send.spanContext().spanId}-01`,
    );
    expect(sending.rows[0].headers['event-type']).toBe('match.created');
  });

  it('marks the send spans failed when the broker refuses the batch', () => {
    startSendSpans([row(writerParent), row(writerParent)], 'postgres').end(new Error('down'));
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(2);
    expect(spans.every((s) => s.status.code === 2 && s.events[0]?.name === 'exception')).toBe(true);
  });

  it('handles a message in a process span under the sender; the handler continues it', async () => {
    const sender = `00-${TRACE_ID}-b7ad6b7169203331-01`;
    const seen = await withConsumerSpan(
      {
        topic: 'match.created',
        partition: 2,
        offset: '41',
        headers: { traceparent: [Buffer.from(sender)] },
      },
      async (traceId) => {
        withSpan('emit match.created', { 'socket.io.rooms': 2 }, () => undefined);
        return traceId;
      },
    );
    const [emit, process] = exporter.getFinishedSpans();
    expect(seen).toBe(TRACE_ID);
    expect(process.name).toBe('process match.created');
    expect(process.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(process.attributes['messaging.kafka.offset']).toBe(41);
    expect(emit.parentSpanContext?.spanId).toBe(process.spanContext().spanId);
  });

  it('starts a new trace for a message without a traceparent and records a failed attempt', async () => {
    await expect(
      withConsumerSpan({ topic: 't', partition: 0, offset: '0' }, async (traceId) => {
        expect(traceIdFromTraceparent(`00-${traceId}-${WRITER_SPAN}-01`)).toBe(traceId);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    const [span] = exporter.getFinishedSpans();
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.status.code).toBe(2);
  });
});
