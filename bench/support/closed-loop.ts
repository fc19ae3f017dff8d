import type { BenchRow } from './bench-row';
import { percentile } from './percentile';

export interface Figures {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  meanItems: number;
}

export interface ClosedLoop {
  /** The full URL of each request (may differ per request). */
  url: () => string;
  tokenFor: () => Promise<string>;
  seconds: number;
  concurrency: number;
}

/** `concurrency` clients, each sending its next GET as soon as the last one answered. */
export async function measureClosedLoop(loop: ClosedLoop): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let items = 0;
  const until = Date.now() + loop.seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: loop.concurrency }, async () => {
      while (Date.now() < until) {
        const token = await loop.tokenFor();
        const t0 = performance.now();
        const response = await fetch(loop.url(), { headers: { authorization: `Bearer ${token}` } });
        const body = (await response.json()) as { items?: unknown[] };
        latencies.push(performance.now() - t0);
        if (response.status !== 200) {
          errors += 1;
          if (errors === 1) console.error(`${response.status} ${JSON.stringify(body)}`);
        }
        items += body.items?.length ?? 0;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    meanItems: items / latencies.length,
  };
}

/** One line of figures under a label padded to `width`. */
export const formatFigures = (label: string, width: number, f: Figures, itemsLabel = 'items') =>
  `${label.padEnd(width)} p50 ${f.p50.toFixed(1).padStart(6)} ms  p95 ${f.p95.toFixed(1).padStart(6)} ms  ` +
  `p99 ${f.p99.toFixed(1).padStart(6)} ms  ${f.rps.toFixed(0).padStart(5)} req/s  ` +
  `${f.requests} requests, ${f.errors} errors, ${f.meanItems.toFixed(1)} ${itemsLabel}`;

/** Closed-loop figures as a row of `npm run bench`. */
export const figuresRow = (path: string, load: string, f: Figures): BenchRow => ({
  path,
  load,
  p50: f.p50,
  p95: f.p95,
  p99: f.p99,
  throughput: f.rps,
  unit: 'req/s',
  errors: f.errors,
});
