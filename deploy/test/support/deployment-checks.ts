import type { ServiceName } from '@rendezvous/contracts';
import { APPS, settingProblems } from './app-settings';
import { schemaProblems } from './kube-schemas';
import type { KubeObject } from './manifests';
import { ofKind } from './manifests';
import type { External, Pod } from './network-policies';
import { NetworkPolicies, podOf } from './network-policies';
import type { Workload } from './workloads';
import { deployments, hardeningProblems, workloads } from './workloads';

export interface DeploymentUnderTest {
  /** Every object applied, in one namespace. */
  objects: () => KubeObject[];
  namespace: string;
  /** Resource name of one app's Deployment, Service, PDB and HPA. */
  resourceName: (app: ServiceName) => string;
  /** Ports of Kafka, PostgreSQL, Redis and the trace collector the apps must reach. */
  infrastructurePorts: number[];
}

const PUBLIC_PATHS = ['/api', '/socket.io', '/docs', '/docs-json', '/health', '/admin'];

function appOf(workloadsByApp: Map<ServiceName, Workload>, app: ServiceName): Workload {
  const workload = workloadsByApp.get(app);
  if (!workload) throw new Error(`no Deployment for ${app}`);
  return workload;
}

function configValue(objects: KubeObject[], workload: Workload, key: string): string | undefined {
  const container = workload.pod.containers[0];
  const literal = container?.env?.find((e) => e.name === key)?.value;
  if (literal !== undefined) return literal;
  for (const source of container?.envFrom ?? []) {
    const map = objects.find(
      (o) => o.kind === 'ConfigMap' && o.metadata.name === source.configMapRef?.name,
    );
    if (map?.data?.[key] !== undefined) return map.data[key];
  }
  return undefined;
}

interface Hpa {
  spec: {
    scaleTargetRef: { kind: string; name: string };
    minReplicas: number;
    maxReplicas: number;
  };
}

/**
 * The checks every way of deploying to Kubernetes must pass (plain manifests, the chart with
 * each values file), declared as Jest tests inside the caller's describe().
 */
export function itDeploysTheSuite(target: DeploymentUnderTest): void {
  const byApp = () =>
    new Map(
      APPS.map((app) => {
        const found = deployments(target.objects()).find(
          (d) => d.name === target.resourceName(app),
        );
        return [app, found] as const;
      }).filter((entry): entry is [ServiceName, Workload] => entry[1] !== undefined),
    );

  it('matches the Kubernetes schemas in every object', () => {
    expect(target.objects().flatMap(schemaProblems)).toEqual([]);
  });

  it('references Secrets and never holds one', () => {
    expect(ofKind(target.objects(), 'Secret').map((s) => s.metadata.name)).toEqual([]);
  });

  it('hardens every workload: probes, requests and limits, security context, no token', () => {
    const problems = workloads(target.objects()).flatMap((w) =>
      hardeningProblems(w).map((p) => `${w.kind} ${w.name}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('runs every app with a Service in front and a disruption budget', () => {
    const objects = target.objects();
    const apps = byApp();
    for (const app of APPS) {
      const name = target.resourceName(app);
      const workload = appOf(apps, app);
      const service = objects.find((o) => o.kind === 'Service' && o.metadata.name === name);
      const spec = service?.spec as {
        selector: Record<string, string>;
        ports: { targetPort: string }[];
      };
      expect(Object.entries(spec.selector).every(([k, v]) => workload.labels[k] === v)).toBe(true);
      expect(spec.ports.map((p) => p.targetPort)).toEqual(['http']);
      const budget = objects.find(
        (o) => o.kind === 'PodDisruptionBudget' && o.metadata.name === name,
      );
      expect(budget?.spec).toMatchObject({ maxUnavailable: 1 });
    }
  });

  it('gives every app every setting it reads, secrets only from Secrets', async () => {
    const objects = target.objects();
    const apps = byApp();
    const problems: string[] = [];
    for (const app of APPS) {
      const found = await settingProblems(app, appOf(apps, app), objects);
      problems.push(...found.map((p) => `${app}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('autoscales the gateway and matching, consumers within the Kafka partitions', () => {
    const objects = target.objects();
    const apps = byApp();
    const hpas = ofKind(objects, 'HorizontalPodAutoscaler') as unknown as Hpa[];
    for (const app of ['gateway', 'matching'] as const) {
      const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === target.resourceName(app));
      expect(hpa?.spec.scaleTargetRef.kind).toBe('Deployment');
      // The autoscaler owns the replica count.
      expect(appOf(apps, app).object.spec).not.toHaveProperty('replicas');
    }
    for (const app of APPS.filter((a) => a !== 'gateway')) {
      const workload = appOf(apps, app);
      const partitions = Number(configValue(objects, workload, 'KAFKA_PARTITIONS'));
      const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === target.resourceName(app));
      const most = hpa?.spec.maxReplicas ?? (workload.object.spec as { replicas: number }).replicas;
      // A consumer replica beyond the partition count gets no partition.
      expect({ app, most: most <= partitions }).toEqual({ app, most: true });
    }
  });

  describe('network policies', () => {
    const pods = () => new Map([...byApp()].map(([app, w]) => [app, podOf(w, target.namespace)]));
    const policies = () => new NetworkPolicies(target.objects(), target.namespace);
    const internet: External = { ip: '203.0.113.7' };
    const ingressController: Pod = {
      namespace: 'ingress-nginx',
      labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
      ports: {},
    };
    const http = (pod: Pod | undefined): number => {
      if (!pod?.ports['http']) throw new Error('pod without an http port');
      return pod.ports['http'];
    };

    it('lets outside traffic reach the gateway and nothing else', () => {
      const all = pods();
      const rules = policies();
      expect(rules.allows(internet, all.get('gateway') as Pod, http(all.get('gateway')))).toBe(
        true,
      );
      expect(rules.allows(ingressController, all.get('gateway') as Pod, 3000)).toBe(true);
      for (const app of APPS.filter((a) => a !== 'gateway')) {
        const pod = all.get(app) as Pod;
        expect({ app, fromOutside: rules.allows(internet, pod, http(pod)) }).toEqual({
          app,
          fromOutside: false,
        });
        expect({ app, fromIngress: rules.allows(ingressController, pod, http(pod)) }).toEqual({
          app,
          fromIngress: false,
        });
      }
    });

    it('lets the gateway reach every service, every app the user service (JWKS), and no more', () => {
      const all = pods();
      const rules = policies();
      const gateway = all.get('gateway') as Pod;
      const user = all.get('user') as Pod;
      for (const app of APPS.filter((a) => a !== 'gateway')) {
        const pod = all.get(app) as Pod;
        expect({ app, fromGateway: rules.allows(gateway, pod, http(pod)) }).toEqual({
          app,
          fromGateway: true,
        });
        expect({ app, toUser: rules.allows(pod, user, http(user)) }).toEqual({ app, toUser: true });
      }
      const matching = all.get('matching') as Pod;
      const reco = all.get('reco') as Pod;
      expect(rules.allows(matching, reco, http(reco))).toBe(false);
      expect(rules.allows(reco, gateway, http(gateway))).toBe(true);
    });

    it('lets every app reach Kafka, PostgreSQL, Redis and DNS on their ports, inside the cluster or out', () => {
      const rules = policies();
      const outside: External = { ip: '10.20.30.40' };
      const inCluster: Pod = { namespace: 'data', labels: { app: 'kafka' }, ports: {} };
      const dns: Pod = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ports: {} };
      for (const [app, pod] of pods()) {
        for (const port of target.infrastructurePorts) {
          expect({ app, port, outside: rules.allows(pod, outside, port) }).toEqual({
            app,
            port,
            outside: true,
          });
          expect({ app, port, inCluster: rules.allows(pod, inCluster, port) }).toEqual({
            app,
            port,
            inCluster: true,
          });
        }
        expect(rules.allows(pod, dns, 53)).toBe(true);
        expect({ app, https: rules.allows(pod, outside, 443) }).toEqual({ app, https: false });
      }
    });
  });

  it('exposes only the public paths through an Ingress that keeps WebSockets open', () => {
    const [ingress, ...others] = ofKind(target.objects(), 'Ingress');
    expect(others).toEqual([]);
    const spec = ingress?.spec as {
      rules: {
        http: {
          paths: { path: string; backend: { service: { name: string; port: { name: string } } } }[];
        };
      }[];
    };
    const paths = spec.rules.flatMap((r) => r.http.paths);
    expect(paths.map((p) => p.path).sort()).toEqual([...PUBLIC_PATHS].sort());
    for (const path of paths) {
      expect(path.backend.service).toEqual({
        name: target.resourceName('gateway'),
        port: { name: 'http' },
      });
    }
    const annotations = ingress?.metadata.annotations ?? {};
    // Idle sockets outlive the controller's default 60 s, and polling stays on one replica.
    expect(
      Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']),
    ).toBeGreaterThanOrEqual(3600);
    expect(
      Number(annotations['nginx.ingress.kubernetes.io/proxy-send-timeout']),
    ).toBeGreaterThanOrEqual(3600);
    expect(annotations['nginx.ingress.kubernetes.io/affinity']).toBe('cookie');
  });
}
