// Writes the plain line `tests: N passed, N failed` that CI reads as the verdict, to the
// terminal and to a file tools/check.sh prints last (Jest may print more after reporters).
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.file = join(globalConfig.rootDir, '.local', 'test-summary.txt');
  }

  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed`;
    process.stderr.write(`\n${line}\n`);
    mkdirSync(join(this.file, '..'), { recursive: true });
    writeFileSync(this.file, `${line}\n`);
  }
}
module.exports = SummaryReporter;
