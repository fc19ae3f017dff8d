// Prints the plain line `tests: N passed, N failed` for this Jest run and appends the counts to
// a file, so tools/check.sh can print the verdict over all its runs last (Jest may print more
// after reporters).
const { appendFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.file = join(globalConfig.rootDir, '.local', 'test-counts.txt');
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
