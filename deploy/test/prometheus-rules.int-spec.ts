import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Debian's prometheus package; tools/ensure-promtool.sh installs it (tools/check.sh runs it).
const PROMTOOL = '/usr/bin/promtool';
const RULES = resolve(__dirname, '../helm/rendezvous/monitoring/rules.yaml');
const RULE_TESTS = resolve(__dirname, 'prometheus/rules.test.yaml');

function promtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(PROMTOOL, args, { encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('Prometheus alerting rules (promtool)', () => {
  const work = mkdtempSync(join(tmpdir(), 'rendezvous-rules-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('are a valid rule file with every alert the operators need', () => {
    const check = promtool('check', 'rules', RULES);
    expect(check).toMatchObject({ status: 0 });
    expect(check.output).toContain('SUCCESS: 8 rules found');
    const alerts = [...readFileSync(RULES, 'utf8').matchAll(/- alert: (\w+)/g)].map((m) => m[1]);
    expect(alerts.sort()).toEqual([
      'RendezvousConsumerLagHigh',
      'RendezvousDeadLetters',
      'RendezvousHandlerRetrying',
      'RendezvousHighErrorRatio',
      'RendezvousHighLatencyP99',
      'RendezvousNotReady',
      'RendezvousOutboxStalled',
      'RendezvousTargetDown',
    ]);
  });

  it('fire and stay quiet as their unit tests expect', () => {
    const run = promtool('test', 'rules', RULE_TESTS);
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });

  it('fail their unit tests when a threshold is loosened (the tests can fail)', () => {
    // The same layout as the repository: the test file names ../../helm/rendezvous/monitoring.
    const rulesDir = join(work, 'deploy/helm/rendezvous/monitoring');
    const testsDir = join(work, 'deploy/test/prometheus');
    mkdirSync(rulesDir, { recursive: true });
    mkdirSync(testsDir, { recursive: true });
    const loosened = readFileSync(RULES, 'utf8').replace(
      'max by (service) (outbox_oldest_age_seconds) > 60',
      'max by (service) (outbox_oldest_age_seconds) > 6000',
    );
    expect(loosened).not.toBe(readFileSync(RULES, 'utf8'));
    writeFileSync(join(rulesDir, 'rules.yaml'), loosened);
    copyFileSync(RULE_TESTS, join(testsDir, 'rules.test.yaml'));
    const run = promtool('test', 'rules', join(testsDir, 'rules.test.yaml'));
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('alertname: RendezvousOutboxStalled');
  });
});
