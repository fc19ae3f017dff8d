import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@rendezvous/testing';

/** The Zipkin server the suite exports to (tools/zipkin/zipkin.sh). */
export const ZIPKIN_URL = process.env['E2E_ZIPKIN_URL'] || 'http://127.0.0.1:9411';

/** One span as Zipkin's v2 API returns it; times in microseconds. */
export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  timestamp: number;
  duration?: number;
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

export const serviceOf = (span: ZipkinSpan) => span.localEndpoint?.serviceName ?? '?';

async function fetchTrace(traceId: string): Promise<ZipkinSpan[]> {
  const response = await fetch(`${ZIPKIN_URL}/api/v2/trace/${traceId}`);
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`Zipkin answered ${response.status}`);
  return (await response.json()) as ZipkinSpan[];
}

/** Polls Zipkin until the trace holds a span matching each of `expected`. */
export function traceHolding(
  traceId: string,
  expected: readonly ((span: ZipkinSpan) => boolean)[],
): Promise<ZipkinSpan[]> {
  return waitFor(
    async () => {
      const spans = await fetchTrace(traceId);
      return expected.every((wanted) => spans.some(wanted)) && spans;
    },
    { timeoutMs: 20_000, intervalMs: 250, message: `trace ${traceId} in Zipkin` },
  );
}

/** The trace as an indented tree in start order: service, span name, duration in ms. */
export function traceListing(spans: readonly ZipkinSpan[]): string {
  const ids = new Set(spans.map((s) => s.id));
  const byParent = new Map<string | undefined, ZipkinSpan[]>();
  for (const span of spans) {
    // Zipkin may hold a client and a server half under one id; a parent it lacks makes a root.
    const parent = span.parentId && ids.has(span.parentId) ? span.parentId : undefined;
    byParent.set(parent, [...(byParent.get(parent) ?? []), span]);
  }
  const start = Math.min(...spans.map((s) => s.timestamp));
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    const children = (byParent.get(parent) ?? []).sort((a, b) => a.timestamp - b.timestamp);
    for (const span of children) {
      const offset = ((span.timestamp - start) / 1000).toFixed(1);
      const duration = ((span.duration ?? 0) / 1000).toFixed(1);
      lines.push(
        `${'  '.repeat(depth)}${serviceOf(span)}  ${span.kind ?? 'LOCAL'} ${span.name ?? ''}  +${offset} ms, ${duration} ms`,
      );
      if (span.id !== parent) walk(span.id, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join('\n');
}

/** Keeps a listing under .local/traces for the run's artifacts. */
export function saveListing(name: string, listing: string): string {
  const dir = join(__dirname, '..', '..', '.local', 'traces');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, `${listing}\n`);
  return file;
}
