import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..');

/** The two commands of the README's Quick start block: start the suite, run the tests. */
export function quickStartCommands(): { start: string; test: string } {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^#+ .*quick ?start.*$/im)[1] ?? '';
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const lines = block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  if (lines.length !== 2)
    throw new Error(`README Quick start should hold two commands, found ${lines.length}`);
  return { start: lines[0], test: lines[1] };
}
