import { waitFor } from '@rendezvous/testing';
import { quickStartCommands } from '../readme-commands';
import type { SuiteProcess } from '../suite-process';
import { runCommand } from '../suite-process';
import { REUSE_RUNNING_SUITE, SUITE_ENV, SUITE_GATEWAY_URL } from './suite-settings';

declare global {
  var rendezvousSuite: SuiteProcess | undefined;
}

/**
 * Starts the suite once for every e2e test, with the README's own start command; with
 * `E2E_SUITE=running`, checks the running one answers instead.
 */
export default async function globalSetup(): Promise<void> {
  if (REUSE_RUNNING_SUITE) {
    await waitFor(
      async () => (await fetch(`${SUITE_GATEWAY_URL}/health/ready`).catch(() => null))?.ok,
      { timeoutMs: 10_000, message: `a running suite at ${SUITE_GATEWAY_URL} (E2E_SUITE=running)` },
    );
    return;
  }
  await startSuite(SUITE_ENV);
}

/** Runs the README's start command with these settings until it reports all seven ready. */
export async function startSuite(env: NodeJS.ProcessEnv): Promise<void> {
  const suite = runCommand(quickStartCommands().start, env);
  globalThis.rendezvousSuite = suite;
  try {
    await waitFor(
      () => {
        if (!suite.running()) throw new Error(`the start command exited:\n${suite.output()}`);
        return /ready: all seven services up/.test(suite.output());
      },
      { timeoutMs: 300_000, intervalMs: 250, message: 'the suite to report ready' },
    );
  } catch (error) {
    suite.signal('SIGTERM');
    await suite.exited;
    throw error;
  }
}
