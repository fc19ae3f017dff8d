import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../readme-commands';
import type { ScenarioResult } from './scenario';

/** Prints the run's table and keeps it in `.local/faults/<name>.md`. */
export function reportFaults(name: string, results: ScenarioResult[]): void {
  if (results.length === 0) return;
  const table = faultTable(results);
  const dir = join(REPO_ROOT, '.local', 'faults');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.md`), `${table}\n`);
  process.stdout.write(`\n${name}\n${table}\n\n`);
}

export function faultTable(results: ScenarioResult[]): string {
  const rows = results.map((r) =>
    [
      r.fault,
      r.mode,
      r.accepted,
      r.counts.lost,
      r.counts.duplicated,
      r.counts.reported,
      r.clientErrors,
      Number.isNaN(r.recoveryMs) ? 'not recovered' : `${(r.recoveryMs / 1000).toFixed(1)} s`,
      r.dlqGrowth,
      r.slowReadiness.length
        ? `${r.slowReadiness.length} (max ${Math.max(...r.slowReadiness.map((s) => s.ms))} ms)`
        : '0',
    ].join(' | '),
  );
  return [
    '| fault | mode | accepted operations | lost | duplicated | reported to owners | errors seen by clients | recovery time | DLQ growth | readiness answers > 500 ms |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}
