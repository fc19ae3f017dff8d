import type { BenchRow } from './bench-row';
import type { LoadAverage } from './load-average';

/** A row of `npm run bench` with its benchmark, its ratio to its baseline and the machine's load. */
export interface ResultRow extends BenchRow {
  benchmark: string;
  ratio: number | null;
  loadAverage: LoadAverage;
}

/** Milliseconds with the digits that matter at their size. */
function ms(value: number | null): string {
  if (value === null) return '';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 0.1) return value.toFixed(2);
  return value.toPrecision(2);
}

function cells(row: ResultRow): string[] {
  const { throughput, ratio, baseline, loadAverage } = row;
  return [
    row.benchmark,
    row.path,
    row.load,
    ms(row.p50),
    ms(row.p95),
    ms(row.p99),
    throughput === null ? '' : `${throughput.toFixed(throughput >= 100 ? 0 : 1)} ${row.unit}`,
    ratio === null || !baseline ? '' : `${ratio.toFixed(2)}× ${baseline.of}`,
    `${loadAverage.mean.toFixed(2)} (max ${loadAverage.max.toFixed(2)})`,
    [row.errors > 0 ? `${row.errors} FAILED` : '', row.note ?? ''].filter(Boolean).join('; '),
  ];
}

const HEADER = [
  'benchmark',
  'path',
  'load',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'throughput',
  'vs baseline',
  'load avg 1m',
  'note',
];

/** The rows as one Markdown table, columns padded so it reads as well in a terminal. */
export function resultsTable(rows: ResultRow[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...table.map((line) => line[i].length)));
  const line = (values: string[]) =>
    `| ${values.map((value, i) => (i >= 3 && i <= 5 ? value.padStart(widths[i]) : value.padEnd(widths[i]))).join(' | ')} |`;
  return [
    line(HEADER),
    `| ${widths.map((width, i) => (i >= 3 && i <= 5 ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`,
    ...rows.map((row) => line(cells(row))),
  ].join('\n');
}
