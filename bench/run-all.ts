// Every benchmark of bench/registry.ts in turn against one suite — started here with its limits
// lifted and tracing off, unless one already answers — then one table of their figures, each
// beside its baseline of the same run and the machine's load average meanwhile, also written
// as JSON. `--smoke` runs them with tiny sizes and fails on figures that cannot be.
// Usage: npm run bench -- [--smoke] [benchmark ...]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { BENCHMARKS } from './registry';
import type { BenchRow } from './support/bench-row';
import { ratioToBaseline } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { contextFromEnv } from './support/cli';
import type { LoadAverage } from './support/load-average';
import { watchLoadAverage } from './support/load-average';
import type { ResultRow } from './support/results-table';
import { resultsTable } from './support/results-table';
import { insaneFigures } from './support/sane-figures';
import { ensureSuite } from './support/suite';

interface Outcome {
  benchmark: string;
  seconds: number;
  loadAverage: LoadAverage;
  rows: ResultRow[];
  problems: string[];
}

function selected(names: string[]) {
  const unknown = names.filter((name) => !BENCHMARKS.some((entry) => entry.name === name));
  if (unknown.length > 0) {
    const known = BENCHMARKS.map((entry) => entry.name).join(', ');
    throw new Error(`no benchmark named ${unknown.join(', ')}; there are ${known}`);
  }
  return names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((entry) => names.includes(entry.name));
}

async function runEach(smoke: boolean, names: string[], context: BenchContext): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const entry of selected(names)) {
    console.log(`\n== ${entry.name}${smoke ? ' (smoke)' : ''}`);
    const load = watchLoadAverage();
    const began = performance.now();
    let figures: BenchRow[] = [];
    let problems: string[];
    try {
      figures = await (smoke ? entry.smoke(context) : entry.run(context));
      problems = insaneFigures(figures);
    } catch (error) {
      problems = [error instanceof Error ? (error.stack ?? error.message) : String(error)];
    }
    const loadAverage = load.stop();
    const rows = figures.map((row) => ({
      benchmark: entry.name,
      ...row,
      ratio: ratioToBaseline(row, figures),
      loadAverage,
    }));
    const seconds = (performance.now() - began) / 1000;
    for (const problem of problems) console.error(`  ${entry.name}: ${problem}`);
    outcomes.push({ benchmark: entry.name, seconds, loadAverage, rows, problems });
  }
  return outcomes;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const smoke = args.includes('--smoke');
  const names = args.filter((arg) => !arg.startsWith('--'));
  selected(names);
  const fromEnv = contextFromEnv();
  const context: BenchContext = { ...fromEnv, log: (line) => console.log(`  ${line}`) };
  const startedAt = new Date();
  const loadBefore = loadavg();
  const suite = await ensureSuite(context.gatewayUrl, {
    RATE_LIMIT_PER_MINUTE: '10000000',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    TRACING_EXPORTER: 'none',
    ADMIN_EMAILS: [process.env['ADMIN_EMAILS'], context.admin.email].filter(Boolean).join(','),
  });
  console.log(
    suite.startedHere
      ? `started the suite (rate limits lifted, tracing off); load average before: ${loadBefore.map((v) => v.toFixed(2)).join(' ')}`
      : `measuring the suite already running at ${context.gatewayUrl}: it needs the limits lifted and ${context.admin.email} among ADMIN_EMAILS (see README, Benchmarks)`,
  );
  let outcomes: Outcome[];
  try {
    outcomes = await runEach(smoke, names, context);
  } finally {
    await suite.stop();
  }
  const rows = outcomes.flatMap((outcome) => outcome.rows);
  const failed = outcomes.filter((outcome) => outcome.problems.length > 0);
  const file = resolve('.local/bench', smoke ? 'smoke.json' : 'results.json');
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        mode: smoke ? 'smoke' : 'full',
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        machine: { cpus: cpus().length, loadAverageBefore: loadBefore },
        suite: suite.startedHere ? 'started by the run' : 'already running',
        benchmarks: outcomes,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\n${resultsTable(rows)}\n`);
  for (const outcome of outcomes) {
    console.log(`${outcome.benchmark}: ${outcome.seconds.toFixed(0)} s`);
  }
  console.log(`figures as JSON: ${file}`);
  if (failed.length > 0) {
    console.error(`failed: ${failed.map((outcome) => outcome.benchmark).join(', ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
