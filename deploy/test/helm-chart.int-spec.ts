import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPS } from './support/app-settings';
import type { ConnectionSecurity } from './support/connection-security';
import { connectionSecurity } from './support/connection-security';
import { itDeploysTheSuite } from './support/deployment-checks';
import {
  CHART,
  chartWithValues,
  chartWithVisibleHooks,
  helm,
  HOOK_ANNOTATION,
  mergeValues,
  readValues,
} from './support/helm';
import { schemaProblems } from './support/kube-schemas';
import type { KubeObject } from './support/manifests';
import { ofKind, parseManifests } from './support/manifests';
import { NetworkPolicies, podOf } from './support/network-policies';
import { deployments, workloads } from './support/workloads';

const RELEASE = 'rendezvous';
const NAMESPACE = 'rendezvous';
const KUBE_VERSION = '1.31.0';
const PRODUCTION_VALUES = join(CHART, 'values-production.yaml');
const MANAGED_VALUES = join(CHART, 'values-managed-services.yaml');
const CERTS = '/etc/rendezvous/certs';
// Kafka, PostgreSQL, Redis and Zipkin: the local defaults, and the managed example's SASL_SSL
// listener, managed PostgreSQL port and Redis over TLS.
const EGRESS_PORTS = {
  default: [9092, 5432, 6379, 9411],
  production: [9092, 5432, 6379, 9411],
  managed: [9096, 25060, 6380, 9411],
};

interface Rendered {
  objects: KubeObject[];
  lint: string;
  notes: string;
}

describe('Helm chart deploy/helm/rendezvous', () => {
  const work = mkdtempSync(join(tmpdir(), 'rendezvous-helm-'));
  const rendered: Record<'default' | 'production' | 'managed', Rendered> = {
    default: { objects: [], lint: '', notes: '' },
    production: { objects: [], lint: '', notes: '' },
    managed: { objects: [], lint: '', notes: '' },
  };
  let leaky: { status: number | null; output: string };
  let saslWithoutSecret: { status: number | null; output: string };

  beforeAll(() => {
    const visible = chartWithVisibleHooks(join(work, 'visible-hooks'));
    const production = chartWithValues(
      join(work, 'production'),
      mergeValues(readValues(join(CHART, 'values.yaml')), readValues(PRODUCTION_VALUES)),
    );
    const managed = chartWithValues(
      join(work, 'managed'),
      mergeValues(readValues(join(CHART, 'values.yaml')), readValues(MANAGED_VALUES)),
    );
    const out = (name: string) => join(work, name);
    const run = helm([
      ['lint', CHART, out('lint-default.txt')],
      ['lint', production, out('lint-production.txt')],
      ['lint', managed, out('lint-managed.txt')],
      ['template', visible, RELEASE, NAMESPACE, KUBE_VERSION, out('default.yaml')],
      [
        'template',
        visible,
        RELEASE,
        NAMESPACE,
        KUBE_VERSION,
        out('production.yaml'),
        PRODUCTION_VALUES,
      ],
      ['template', visible, RELEASE, NAMESPACE, KUBE_VERSION, out('managed.yaml'), MANAGED_VALUES],
      ['notes', CHART, RELEASE, NAMESPACE, KUBE_VERSION, out('notes-managed.txt'), MANAGED_VALUES],
      ['notes', CHART, RELEASE, NAMESPACE, KUBE_VERSION, out('notes-default.txt')],
      [
        'notes',
        CHART,
        RELEASE,
        NAMESPACE,
        KUBE_VERSION,
        out('notes-production.txt'),
        PRODUCTION_VALUES,
      ],
    ]);
    if (run.status !== 0) throw new Error(`helm failed:\n${run.output}`);
    for (const name of ['default', 'production', 'managed'] as const) {
      rendered[name] = {
        objects: parseManifests(readFileSync(out(`${name}.yaml`), 'utf8'), `${name}.yaml`),
        lint: readFileSync(out(`lint-${name}.txt`), 'utf8'),
        notes: readFileSync(out(`notes-${name}.txt`), 'utf8'),
      };
    }
    // A secret in plain values must not get past the chart's values schema.
    const values = readValues(join(CHART, 'values.yaml'));
    const secretInSettings = mergeValues(values, {
      settings: { REDIS_URL: 'redis://:pw@redis:6379' },
    });
    leaky = helm([
      ['lint', chartWithValues(join(work, 'leaky'), secretInSettings), out('lint-leaky.txt')],
    ]);
    leaky.output += readFileSync(out('lint-leaky.txt'), 'utf8');
    const sasl = mergeValues(values, {
      kafka: { sasl: { mechanism: 'scram-sha-512', username: 'rendezvous' } },
    });
    saslWithoutSecret = helm([
      ['lint', chartWithValues(join(work, 'sasl'), sasl), out('lint-sasl.txt')],
    ]);
    saslWithoutSecret.output += readFileSync(out('lint-sasl.txt'), 'utf8');
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('passes a strict helm lint with the default, production and managed-services values', () => {
    for (const { lint } of Object.values(rendered)) {
      expect(lint.split('\n').filter((line) => /\[(ERROR|WARNING)\]/.test(line))).toEqual([]);
    }
  });

  it('refuses values that put a secret into plain settings', () => {
    expect(leaky.status).not.toBe(0);
    expect(leaky.output).toContain('REDIS_URL');
  });

  it('refuses SASL without the Secret of its password', () => {
    expect(saslWithoutSecret.status).not.toBe(0);
    expect(saslWithoutSecret.output).toContain('existingSecret');
  });

  for (const name of ['default', 'production', 'managed'] as const) {
    describe(`with the ${name} values`, () => {
      itDeploysTheSuite({
        objects: () => rendered[name].objects,
        namespace: NAMESPACE,
        resourceName: (app) => `${RELEASE}-${app}`,
        infrastructurePorts: EGRESS_PORTS[name],
      });

      it('opens egress on the configured infrastructure ports only', () => {
        const policies = new NetworkPolicies(rendered[name].objects, NAMESPACE);
        const outside = { ip: '198.51.100.20' };
        const unused = name === 'managed' ? [9092, 5432, 6379] : [9096, 25060, 6380];
        for (const workload of workloads(rendered[name].objects)) {
          const pod = podOf(workload, NAMESPACE);
          const reached = [...EGRESS_PORTS[name], ...unused].filter((port) =>
            policies.allows(pod, outside, port),
          );
          expect({ name: workload.name, reached }).toEqual({
            name: workload.name,
            reached: EGRESS_PORTS[name],
          });
        }
      });

      it('creates every topic before the apps start or change, with the configured partitions', () => {
        const values =
          name === 'default'
            ? readValues(join(CHART, 'values.yaml'))
            : (mergeValues(
                readValues(join(CHART, 'values.yaml')),
                readValues(name === 'production' ? PRODUCTION_VALUES : MANAGED_VALUES),
              ) as Record<string, unknown>);
        const kafka = values['kafka'] as {
          partitions: number;
          replicationFactor: number;
          brokers: string;
        };
        const [job, ...others] = workloads(rendered[name].objects).filter((w) => w.kind === 'Job');
        expect(others).toEqual([]);
        expect(job?.object.metadata.annotations).toMatchObject({
          [HOOK_ANNOTATION]: 'pre-install,pre-upgrade',
          [`${HOOK_ANNOTATION}-delete-policy`]: 'before-hook-creation,hook-succeeded',
        });
        const container = job?.pod.containers[0];
        // The tool every image carries (run from a clean install in image-boot.int-spec.ts).
        expect(container?.command).toEqual([
          'node',
          'dist/libs/platform/src/kafka/create-topics.main.js',
        ]);
        expect(container?.env?.slice(0, 3)).toEqual([
          { name: 'KAFKA_BROKERS', value: kafka.brokers },
          { name: 'KAFKA_PARTITIONS', value: String(kafka.partitions) },
          { name: 'KAFKA_REPLICATION_FACTOR', value: String(kafka.replicationFactor) },
        ]);
      });

      it("pulls each app's own image", () => {
        const registry = name === 'production' ? 'registry.example.com/' : '';
        for (const workload of deployments(rendered[name].objects)) {
          const app = workload.labels['app.kubernetes.io/name'];
          expect(workload.pod.containers[0]?.image).toBe(`${registry}rendezvous/${app}:0.1.0`);
        }
      });

      it('tells the operator how to reach the gateway and which Secrets to create', () => {
        const { notes } = rendered[name];
        expect(notes).toContain(`port-forward svc/${RELEASE}-gateway 3000:80`);
        for (const secret of [
          'rendezvous-postgres',
          'rendezvous-redis',
          'rendezvous-jwt',
          'rendezvous-proximity',
        ]) {
          expect(notes).toContain(secret);
        }
      });
    });
  }

  it('leaves Prometheus out by default', () => {
    expect(ofKind(rendered.default.objects, 'ServiceMonitor')).toEqual([]);
    expect(ofKind(rendered.default.objects, 'PrometheusRule')).toEqual([]);
    const dashboards = ofKind(rendered.default.objects, 'ConfigMap').filter(
      (c) => c.metadata.labels?.grafana_dashboard,
    );
    expect(dashboards).toEqual([]);
  });

  it('ships the alerting rules (promtool tests them as rendered) and the Grafana dashboard when asked', () => {
    const { objects } = rendered.production;
    const [rule, ...more] = ofKind(objects, 'PrometheusRule');
    expect(more).toEqual([]);
    expect(rule && schemaProblems(rule)).toEqual([]);
    expect(rule?.metadata.labels?.release).toBe('prometheus');
    const groups = (rule?.spec as { groups: { rules: { alert: string }[] }[] }).groups;
    expect(groups.flatMap((group) => group.rules.map((r) => r.alert))).toHaveLength(8);
    const [dashboard] = ofKind(objects, 'ConfigMap').filter(
      (c) => c.metadata.labels?.grafana_dashboard === '1',
    );
    const json = (dashboard as { data?: Record<string, string> } | undefined)?.data?.[
      'rendezvous.json'
    ];
    expect(JSON.parse(json ?? '{}')).toEqual(
      JSON.parse(readFileSync(join(CHART, 'dashboards/rendezvous.json'), 'utf8')),
    );
    const [monitor] = ofKind(objects, 'ServiceMonitor');
    expect(monitor?.spec).toMatchObject({ targetLabels: ['app.kubernetes.io/part-of'] });
  });

  it('runs production with several replicas spread over nodes, scraped by Prometheus', () => {
    const { objects, notes } = rendered.production;
    const hpas = ofKind(objects, 'HorizontalPodAutoscaler');
    for (const workload of deployments(objects)) {
      const hpa = hpas.find(
        (h) =>
          (h.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === workload.name,
      );
      const replicas = hpa
        ? (hpa.spec as { minReplicas: number }).minReplicas
        : (workload.object.spec as { replicas: number }).replicas;
      expect({ name: workload.name, several: replicas >= 3 }).toEqual({
        name: workload.name,
        several: true,
      });
      expect(workload.pod.affinity?.podAntiAffinity).toBeDefined();
    }
    const [monitor] = ofKind(objects, 'ServiceMonitor');
    expect(monitor && schemaProblems(monitor)).toEqual([]);
    const selector = (monitor?.spec as { selector: { matchLabels: Record<string, string> } })
      .selector;
    const services = ofKind(objects, 'Service').filter((s) =>
      Object.entries(selector.matchLabels).every(([k, v]) => s.metadata.labels?.[k] === v),
    );
    expect(services).toHaveLength(APPS.length);
    const prometheus = {
      namespace: 'monitoring',
      labels: { 'app.kubernetes.io/name': 'prometheus' },
      ports: {},
    };
    const policies = new NetworkPolicies(objects, NAMESPACE);
    for (const workload of deployments(objects)) {
      expect(policies.allows(prometheus, podOf(workload, NAMESPACE), 3000)).toBe(true);
    }
    expect(notes).toContain('https://rendezvous.example.com/api/v1/');
  });
  it('references no TLS or authentication Secret and mounts no certificates by default', () => {
    for (const workload of workloads(rendered.default.objects)) {
      expect({
        name: workload.name,
        ...connectionSecurity(workload, rendered.default.objects),
      }).toEqual({ name: workload.name, settings: {}, secrets: {}, files: {} });
      const volumes = (workload.pod as unknown as { volumes: { name: string }[] }).volumes;
      expect(volumes.map((v) => v.name)).toEqual(['tmp']);
    }
  });

  describe('with every connection setting on (values-managed-services.yaml)', () => {
    const kafka: ConnectionSecurity = {
      settings: {
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: `${CERTS}/kafka-ca.crt`,
        KAFKA_SSL_CERT_FILE: `${CERTS}/kafka-client.crt`,
        KAFKA_SSL_KEY_FILE: `${CERTS}/kafka-client.key`,
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'rendezvous',
      },
      secrets: { KAFKA_SASL_PASSWORD: 'rendezvous-kafka/password' },
      files: {
        [`${CERTS}/kafka-ca.crt`]: 'rendezvous-kafka-ca/ca.crt',
        [`${CERTS}/kafka-client.crt`]: 'rendezvous-kafka-client/tls.crt',
        [`${CERTS}/kafka-client.key`]: 'rendezvous-kafka-client/tls.key',
      },
    };
    const redis: ConnectionSecurity = {
      settings: { REDIS_USERNAME: 'rendezvous', REDIS_TLS_CA_FILE: `${CERTS}/redis-ca.crt` },
      secrets: { REDIS_PASSWORD: 'rendezvous-redis/password' },
      files: { [`${CERTS}/redis-ca.crt`]: 'rendezvous-redis-ca/ca.crt' },
    };
    const postgres: ConnectionSecurity = {
      settings: {
        POSTGRES_SSLMODE: 'verify-full',
        POSTGRES_SSL_CA_FILE: `${CERTS}/postgres-ca.crt`,
      },
      secrets: {},
      files: { [`${CERTS}/postgres-ca.crt`]: 'rendezvous-postgres-ca/ca.crt' },
    };
    const merged = (...parts: ConnectionSecurity[]): ConnectionSecurity => ({
      settings: Object.assign({}, ...parts.map((p) => p.settings)) as Record<string, string>,
      secrets: Object.assign({}, ...parts.map((p) => p.secrets)) as Record<string, string>,
      files: Object.assign({}, ...parts.map((p) => p.files)) as Record<string, string>,
    });

    it('gives each app the settings of its connections, passwords from Secrets, certificates as read-only files', () => {
      const { objects } = rendered.managed;
      for (const workload of deployments(objects)) {
        const app = workload.labels['app.kubernetes.io/name'];
        const want = app === 'gateway' ? merged(kafka, redis) : merged(kafka, redis, postgres);
        expect({ app, ...connectionSecurity(workload, objects) }).toEqual({ app, ...want });
      }
    });

    it('connects the topics job to Kafka the same way, and to nothing else', () => {
      const { objects } = rendered.managed;
      const [job] = workloads(objects).filter((w) => w.kind === 'Job');
      expect(job && connectionSecurity(job, objects)).toEqual(merged(kafka));
    });

    it('names the extra Secrets in the notes', () => {
      for (const secret of [
        'rendezvous-postgres-ca',
        'rendezvous-redis-ca',
        'rendezvous-kafka',
        'rendezvous-kafka-ca',
        'rendezvous-kafka-client',
      ]) {
        expect(rendered.managed.notes).toContain(secret);
      }
    });
  });
});
