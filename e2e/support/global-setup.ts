import { waitFor } from '@rendezvous/testing';
import { quickStartCommands } from '../readme-commands';
import type { SuiteProcess } from '../suite-process';
import { runCommand } from '../suite-process';
import { SUITE_ENV } from './suite-settings';

declare global {
  var rendezvousSuite: SuiteProcess | undefined;
}

/** Starts the suite once for every e2e test, with the README's own start command. */
export default async function globalSetup(): Promise<void> {
  const suite = runCommand(quickStartCommands().start, SUITE_ENV);
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
