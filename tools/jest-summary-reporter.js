// Prints the plain line `tests: N passed, N failed` for this Jest run and appends the counts to
// a file, so tools/check.sh can print the verdict over all its runs last (Jest may print more
// after reporters). check.sh names a file of its own (RENDEZVOUS_TEST_COUNTS), so runs that
// share the .local folder never mix their counts.
const { appendFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.file =
      process.env.RENDEZVOUS_TEST_COUNTS || join(globalConfig.rootDir, '.local', 'test-counts.txt');
  }

  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed`;
    process.stderr.write(`\n${line}\n`);
    mkdirSync(join(this.file, '..'), { recursive: true });
    appendFileSync(this.file, `${results.numPassedTests} ${failed}\n`);
  }
}
module.exports = SummaryReporter;
