import { percentile } from './percentile';

/** Which figure of a row is set against its baseline's. */
export type RatioOf = 'throughput' | 'p50' | 'p95';

/** One figure of a benchmark, as `npm run bench` tabulates it. Latencies in milliseconds. */
export interface BenchRow {
  /** What was measured: the route or the path an event takes. */
  path: string;
  /** What it was measured under: clients, sizes, duration. */
  load: string;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Completed operations per second (`unit`), or null where a rate means nothing. */
  throughput: number | null;
  unit: string;
  /** Requests or operations that failed; a benchmark's figures count only with none. */
  errors: number;
  /** The row of the same run this one is compared with (its `path`), and by which figure. */
  baseline?: { path: string; of: RatioOf };
  /** What the columns cannot say, in a few words. */
  note?: string;
}

/** Where a benchmark prints its own lines as it goes. */
export type Log = (line: string) => void;

/** p50, p95 and p99 of ascending latencies (ms); nulls when there are none. */
export function latencyFigures(sorted: number[]): Pick<BenchRow, 'p50' | 'p95' | 'p99'> {
  if (sorted.length === 0) return { p50: null, p95: null, p99: null };
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** The ratio of a row's figure to its baseline's in the same rows, when it has one. */
export function ratioToBaseline(row: BenchRow, rows: BenchRow[]): number | null {
  if (!row.baseline) return null;
  const { path, of } = row.baseline;
  const baseline = rows.find((candidate) => candidate.path === path);
  const mine = row[of];
  const theirs = baseline?.[of];
  if (mine === null || theirs === null || theirs === undefined || theirs === 0) return null;
  return mine / theirs;
}
