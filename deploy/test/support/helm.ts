import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from './manifests';

export const CHART = join(ROOT, 'deploy', 'helm', 'rendezvous');

/**
 * Renamed hook annotation: the Helm library's template leaves hooks out of its output (the
 * CLI prints them separately), so templates render from a copy whose hooks look like plain
 * resources, with the hook settings kept under this key for the tests to read.
 */
export const HOOK_ANNOTATION = 'rendezvous.test/hook';

/** Runs tools/helm/helm.sh with commands separated by `::`. */
export function helm(commands: string[][]): { status: number | null; output: string } {
  const args = commands.flatMap((command, i) => (i === 0 ? command : ['::', ...command]));
  const result = spawnSync('bash', [join(ROOT, 'tools', 'helm', 'helm.sh'), ...args], {
    encoding: 'utf8',
    // The first run fetches helm-java from Maven Central.
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Helm's coalescing of a values file over the chart's: maps merge, anything else replaces. */
export function mergeValues(base: unknown, over: unknown): unknown {
  if (!isMap(base) || !isMap(over)) return over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete merged[key];
    else merged[key] = mergeValues(base[key], value);
  }
  return merged;
}

export function readValues(path: string): Record<string, unknown> {
  return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** A copy of the chart whose values.yaml is `values` (helm lint takes no values file). */
export function chartWithValues(target: string, values: unknown): string {
  cpSync(CHART, target, { recursive: true });
  writeFileSync(join(target, 'values.yaml'), stringify(values));
  return target;
}

/** A copy of the chart whose hooks render as plain resources (see HOOK_ANNOTATION). */
export function chartWithVisibleHooks(target: string): string {
  cpSync(CHART, target, { recursive: true });
  const templates = join(target, 'templates');
  for (const file of readdirSync(templates).filter((f) => f.endsWith('.yaml'))) {
    const path = join(templates, file);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('helm.sh/hook', HOOK_ANNOTATION));
  }
  return target;
}
