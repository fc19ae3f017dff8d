import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { REPO_ROOT } from '../readme-commands';

const LOCAL_DIR = process.env['RENDEZVOUS_LOCAL_DIR'] || join(REPO_ROOT, '.local');

/** Runs tools/infra/secured.sh (up, down), which prints only a line or two. */
export function securedInfra(command: 'up' | 'down'): void {
  execFileSync('bash', [join(REPO_ROOT, 'tools/infra/secured.sh'), command], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}

/** The settings `secured.sh up` wrote for the suite: only the secured servers, passwords as files. */
export function securedSettings(): Record<string, string> {
  const text = readFileSync(join(LOCAL_DIR, 'secured', 'suite.env'), 'utf8');
  return parseEnv(text) as Record<string, string>;
}
