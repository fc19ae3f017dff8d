import type { BenchRow } from './bench-row';
import { ratioToBaseline } from './bench-row';

/** What is wrong with a benchmark's rows: none at all, failures, or figures that cannot be. */
export function insaneFigures(rows: BenchRow[]): string[] {
  if (rows.length === 0) return ['no rows'];
  const problems: string[] = [];
  for (const row of rows) {
    const { p50, p95, p99, throughput } = row;
    const where = `${row.path}:`;
    if (row.errors > 0) problems.push(`${where} ${row.errors} failed`);
    const latencies = [p50, p95, p99].filter((value) => value !== null);
    if (latencies.length === 0 && throughput === null) problems.push(`${where} no figures`);
    if (latencies.some((value) => !Number.isFinite(value) || value < 0))
      problems.push(`${where} a latency that is not a duration`);
    if (p50 !== null && p95 !== null && p99 !== null && !(p50 <= p95 && p95 <= p99))
      problems.push(`${where} percentiles out of order (${p50}, ${p95}, ${p99})`);
    if (throughput !== null && !(Number.isFinite(throughput) && throughput > 0))
      problems.push(`${where} throughput ${throughput}`);
    if (row.baseline) {
      const ratio = ratioToBaseline(row, rows);
      if (ratio === null || !Number.isFinite(ratio) || ratio <= 0)
        problems.push(`${where} no ratio to ${row.baseline.path}`);
    }
  }
  return problems;
}
