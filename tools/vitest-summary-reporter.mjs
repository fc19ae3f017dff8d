// The Vitest counterpart of jest-summary-reporter.js: prints `tests: N passed, N failed` for the
// admin portal's run and appends "passed failed" to the same counts file, so tools/check.sh's
// verdict covers these tests too. A test file that fails to load and an unhandled error each
// count as one failure, as Jest counts a suite that fails to run.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspace = join(dirname(fileURLToPath(import.meta.url)), '..');

export default class SummaryReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const module of testModules) {
      const before = failed;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
      }
      if (failed === before && module.state() === 'failed') failed += 1;
    }
    process.stderr.write(`\ntests: ${passed} passed, ${failed} failed\n`);
    const file = process.env.RENDEZVOUS_TEST_COUNTS || join(workspace, '.local', 'test-counts.txt');
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${passed} ${failed}\n`);
  }
}
