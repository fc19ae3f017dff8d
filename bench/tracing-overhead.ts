// What tracing costs a request: the matching service's GET /api/v1/matching/matches (token check,
// one Postgres query) served by three processes side by side in the same run, rounds
// alternating — tracing off, on and sampled (every trace to Zipkin), on and sampled out
// (ratio 0) — plus the per-request cost of the platform's tracing calls with tracing off.
// Needs Kafka, Postgres and Zipkin up (the npm script starts Zipkin).
// Usage: npm run bench:tracing -- [seconds per round=8] [rounds=3] [concurrency=8]
import { randomUUID } from 'node:crypto';
import { activeTraceId, nameServerSpan, outgoingTraceparent } from '@rendezvous/platform';
import type { BenchRow } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import type { Figures } from './support/closed-loop';
import { figuresRow, formatFigures, measureClosedLoop } from './support/closed-loop';
import type { BuiltService } from './support/built-service';
import { startBuiltService } from './support/built-service';
import { numberArg, runFromCli } from './support/cli';

export interface TracingOverheadOptions {
  /** Per round and variant. */
  seconds: number;
  rounds: number;
  concurrency: number;
}

const VARIANTS = [
  { label: 'tracing off', port: 3111, env: { TRACING_EXPORTER: 'none' } },
  { label: 'on, every trace kept', port: 3112, env: { TRACING_EXPORTER: 'zipkin' } },
  {
    label: 'on, sampled out',
    port: 3113,
    env: { TRACING_EXPORTER: 'zipkin', TRACING_SAMPLE_RATIO: '0' },
  },
] as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

/** Nanoseconds per call of `fn`, over `iterations` calls. */
function nanosPerCall(fn: () => unknown, iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / iterations;
}

/**
 * What each request spends in the tracing API with tracing off: the calls tracing added (trace
 * id, span naming) and the `traceparent` it hands on, whose fallback (a fresh parent id) every
 * request paid before tracing too.
 */
function noOpCallCost(): { added: number; traceparent: number } {
  const traceId = randomUUID().replace(/-/g, '');
  return {
    added: nanosPerCall(() => {
      activeTraceId();
      nameServerSpan('GET', '/api/v1/matching/matches');
    }, 2_000_000),
    traceparent: nanosPerCall(() => outgoingTraceparent(traceId), 200_000),
  };
}

export async function tracingOverhead(
  { seconds, rounds, concurrency }: TracingOverheadOptions,
  { log }: BenchContext,
): Promise<BenchRow[]> {
  if (process.env['TRACING_EXPORTER'] && process.env['TRACING_EXPORTER'] !== 'none') {
    throw new Error('run the benchmark itself with tracing off (unset TRACING_EXPORTER)');
  }
  const services: BuiltService[] = [];
  try {
    for (const variant of VARIANTS) {
      services.push(await startBuiltService('matching', variant.port, variant.env));
    }
    const figures = VARIANTS.map(() => [] as Figures[]);
    const measure = (i: number, time: number) =>
      measureClosedLoop({
        url: () => `http://127.0.0.1:${VARIANTS[i].port}/api/v1/matching/matches?limit=20`,
        tokenFor: () => services[i].tokenFor('00000000-0000-4000-8000-00000000be00'),
        seconds: time,
        concurrency,
      });
    // Warm each process (JIT, pools, JWKS) before measuring.
    for (let i = 0; i < VARIANTS.length; i++) await measure(i, Math.min(2, seconds));
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < VARIANTS.length; i++) figures[i].push(await measure(i, seconds));
    }
    log(
      `GET /api/v1/matching/matches straight at matching, ${concurrency} clients, ` +
        `${rounds} rounds of ${seconds} s each; medians of the rounds`,
    );
    const offRps = median(figures[0].map((f) => f.rps));
    const load = `${concurrency} clients, ${rounds} × ${seconds} s, medians`;
    const cost = noOpCallCost();
    const rows = VARIANTS.map((variant, i): BenchRow => {
      const runs = figures[i];
      const summary: Figures = {
        requests: runs.reduce((sum, f) => sum + f.requests, 0),
        errors: runs.reduce((sum, f) => sum + f.errors, 0),
        rps: median(runs.map((f) => f.rps)),
        p50: median(runs.map((f) => f.p50)),
        p95: median(runs.map((f) => f.p95)),
        p99: median(runs.map((f) => f.p99)),
        meanItems: 0,
      };
      const ratio = (summary.rps / offRps).toFixed(2);
      log(`${formatFigures(variant.label, 22, summary)}  ${ratio}× off`);
      return figuresRow(`GET /matching/matches, ${variant.label}`, load, summary);
    });
    log(
      `tracing off, per request: ${cost.added.toFixed(0)} ns in the calls tracing added ` +
        `(trace id, span naming); ${cost.traceparent.toFixed(0)} ns for the traceparent ` +
        `handed on (paid before tracing too)`,
    );
    const [off, ...on] = rows;
    return [
      { ...off, note: `tracing calls cost ${cost.added.toFixed(0)} ns a request` },
      ...on.map((row) => ({ ...row, baseline: { path: off.path, of: 'throughput' as const } })),
    ];
  } finally {
    for (const service of services) await service.stop();
  }
}

if (require.main === module) {
  runFromCli((context) =>
    tracingOverhead(
      { seconds: numberArg(0, 8), rounds: numberArg(1, 3), concurrency: numberArg(2, 8) },
      context,
    ),
  );
}
