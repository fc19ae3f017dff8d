import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/** What follows one unit of work (an HTTP request or a consumed event) across async calls. */
export interface TraceContext {
  /** W3C trace id, 32 lowercase hex characters. */
  traceId: string;
  /** The correlation id events emitted within this work carry. */
  correlationId: string;
  /** The id of the event being handled, when this work is a consumer's. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<TraceContext>();

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-([\da-f]{16})-[\da-f]{2}$/;
const ZERO_TRACE_ID = '0'.repeat(32);

export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

/** The trace id of a W3C `traceparent` header, or undefined when absent or invalid. */
export function traceIdFromTraceparent(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = TRACEPARENT.exec(header.trim().toLowerCase());
  if (!match || match[1] === ZERO_TRACE_ID) return undefined;
  return match[1];
}

export function traceparentFor(traceId: string): string {
  return `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
}

export function runWithTrace<T>(context: TraceContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentTrace(): TraceContext | undefined {
  return storage.getStore();
}
