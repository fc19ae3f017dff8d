import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { CHART, helm } from './support/helm';
import { ofKind, parseManifests } from './support/manifests';

// Debian's prometheus package; tools/ensure-promtool.sh installs it (tools/check.sh runs it).
const PROMTOOL = '/usr/bin/promtool';
const RULE_TESTS = resolve(__dirname, 'prometheus/rules.test.yaml');

function promtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(PROMTOOL, args, { encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/**
 * The chart's PrometheusRule spec, rendered with `values`, as a rule file beside a copy of the
 * rule tests, in the layout the tests name it by (rule_files: rules.yaml). Returns the tests' path.
 */
function renderedRules(dir: string, values: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  const valuesFile = join(dir, 'values.yaml');
  writeFileSync(valuesFile, stringify({ prometheusRule: { enabled: true, ...values } }));
  const manifests = join(dir, 'manifests.yaml');
  const run = helm([
    ['template', CHART, 'rendezvous', 'rendezvous', '1.31.0', manifests, valuesFile],
  ]);
  if (run.status !== 0) throw new Error(`helm failed:\n${run.output}`);
  const [rule] = ofKind(
    parseManifests(readFileSync(manifests, 'utf8'), manifests),
    'PrometheusRule',
  );
  if (!rule?.spec) throw new Error('no PrometheusRule rendered');
  writeFileSync(join(dir, 'rules.yaml'), stringify(rule.spec, { lineWidth: 0 }));
  copyFileSync(RULE_TESTS, join(dir, 'rules.test.yaml'));
  return join(dir, 'rules.test.yaml');
}

describe('Prometheus alerting rules (promtool, as the chart renders them)', () => {
  const work = mkdtempSync(join(tmpdir(), 'rendezvous-rules-'));
  let tests: string;

  beforeAll(() => {
    tests = renderedRules(join(work, 'defaults'), {});
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('are a valid rule file with every alert the operators need', () => {
    const rules = join(work, 'defaults', 'rules.yaml');
    const check = promtool('check', 'rules', rules);
    expect(check).toMatchObject({ status: 0 });
    expect(check.output).toContain('SUCCESS: 8 rules found');
    const alerts = [...readFileSync(rules, 'utf8').matchAll(/- alert: (\w+)/g)].map((m) => m[1]);
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

  it('fire and stay quiet as their unit tests expect with the default thresholds', () => {
    const run = promtool('test', 'rules', tests);
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });

  it('take their thresholds from the values: a loosened one fails the unit tests', () => {
    const loosened = renderedRules(join(work, 'loosened'), {
      thresholds: { outboxOldestAgeSeconds: 6000, consumerLag: 10000 },
    });
    const run = promtool('test', 'rules', loosened);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('alertname: RendezvousOutboxStalled');
    expect(run.output).toContain('alertname: RendezvousConsumerLagHigh');
    expect(run.output).not.toContain('alertname: RendezvousHighErrorRatio');
    const rules = readFileSync(join(work, 'loosened', 'rules.yaml'), 'utf8');
    expect(rules).toContain('(outbox_oldest_age_seconds) > 6000');
    expect(rules).toContain('wait more than 6000 s to be published');
  }, 300_000);
});
