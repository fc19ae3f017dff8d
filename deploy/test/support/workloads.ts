import type { KubeObject } from './manifests';

export interface Probe {
  httpGet?: { path?: string; port?: string | number };
  periodSeconds?: number;
  failureThreshold?: number;
}

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: {
      secretKeyRef?: { name: string; key: string; optional?: boolean };
      configMapKeyRef?: { name: string; key: string };
    };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: {
    requests?: Record<string, string | number>;
    limits?: Record<string, string | number>;
  };
  securityContext?: {
    runAsNonRoot?: boolean;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
    seccompProfile?: { type?: string };
  };
}

export interface PodSpec {
  automountServiceAccountToken?: boolean;
  hostNetwork?: boolean;
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    seccompProfile?: { type?: string };
  };
  containers: Container[];
  initContainers?: Container[];
  affinity?: { podAntiAffinity?: Record<string, unknown> };
}

export interface Workload {
  kind: string;
  name: string;
  labels: Record<string, string>;
  pod: PodSpec;
  object: KubeObject;
}

/** Every object that runs pods. */
export function workloads(objects: KubeObject[]): Workload[] {
  return objects
    .filter((o) => ['Deployment', 'Job', 'StatefulSet', 'DaemonSet', 'CronJob'].includes(o.kind))
    .map((object) => {
      const spec = object.spec as {
        template?: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
        jobTemplate?: { spec: { template: { spec: PodSpec } } };
      };
      const template = spec.template ?? spec.jobTemplate?.spec.template;
      if (!template) throw new Error(`${object.kind} ${object.metadata.name} has no pod template`);
      return {
        kind: object.kind,
        name: object.metadata.name,
        labels:
          (template as { metadata?: { labels?: Record<string, string> } }).metadata?.labels ?? {},
        pod: template.spec,
        object,
      };
    });
}

export function deployments(objects: KubeObject[]): Workload[] {
  return workloads(objects).filter((w) => w.kind === 'Deployment');
}

function isPositiveQuantity(value: string | number | undefined): boolean {
  if (value === undefined) return false;
  return (
    /^[0-9]*\.?[0-9]+(m|Ki|Mi|Gi|k|M|G)?$/.test(String(value)) && parseFloat(String(value)) > 0
  );
}

function probeProblems(container: Container, which: keyof Container, path: string): string[] {
  const probe = container[which] as Probe | undefined;
  if (!probe) return [`${which} missing`];
  const problems: string[] = [];
  if (probe.httpGet?.path !== path) problems.push(`${which} is not an HTTP GET of ${path}`);
  const port = probe.httpGet?.port;
  const declared = (container.ports ?? []).some((p) => p.name === port || p.containerPort === port);
  if (!declared) problems.push(`${which} port ${String(port)} is not a container port`);
  return problems;
}

/**
 * What a workload lacks of the hardening every Rendezvous pod gets: resource requests and
 * limits, a restrictive security context, no service account token and, for long-running
 * pods, startup/liveness probes on /health/live and a readiness probe on /health/ready.
 */
export function hardeningProblems(workload: Workload): string[] {
  const problems: string[] = [];
  const { pod } = workload;
  if (pod.automountServiceAccountToken !== false) {
    problems.push('automountServiceAccountToken is not false');
  }
  if (pod.hostNetwork) problems.push('uses the host network');
  if (pod.securityContext?.runAsNonRoot !== true) problems.push('pod runAsNonRoot is not true');
  if (pod.securityContext?.runAsUser === 0) problems.push('pod runs as uid 0');
  if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') {
    problems.push('pod seccompProfile is not RuntimeDefault');
  }
  for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
    const at = (problem: string) => `${container.name}: ${problem}`;
    for (const kind of ['requests', 'limits'] as const) {
      for (const resource of ['cpu', 'memory']) {
        if (!isPositiveQuantity(container.resources?.[kind]?.[resource])) {
          problems.push(at(`no ${resource} ${kind}`));
        }
      }
    }
    const security = container.securityContext ?? {};
    if (security.runAsNonRoot !== true) problems.push(at('runAsNonRoot is not true'));
    if (security.allowPrivilegeEscalation !== false) {
      problems.push(at('allowPrivilegeEscalation is not false'));
    }
    if (security.readOnlyRootFilesystem !== true) {
      problems.push(at('readOnlyRootFilesystem is not true'));
    }
    if (security.privileged) problems.push(at('privileged'));
    if (!(security.capabilities?.drop ?? []).includes('ALL')) {
      problems.push(at('capabilities do not drop ALL'));
    }
    if ((security.capabilities?.add ?? []).length > 0) problems.push(at('adds capabilities'));
    if (security.seccompProfile?.type !== 'RuntimeDefault') {
      problems.push(at('seccompProfile is not RuntimeDefault'));
    }
    if (workload.kind === 'Deployment') {
      problems.push(...probeProblems(container, 'startupProbe', '/health/live').map(at));
      problems.push(...probeProblems(container, 'livenessProbe', '/health/live').map(at));
      problems.push(...probeProblems(container, 'readinessProbe', '/health/ready').map(at));
    }
  }
  if (workload.kind === 'Deployment') {
    const strategy = (
      workload.object.spec as {
        strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string } };
      }
    ).strategy;
    // Old pods keep serving until a new one has migrated and is ready.
    if (strategy?.type !== 'RollingUpdate' || strategy.rollingUpdate?.maxUnavailable !== 0) {
      problems.push('rollout may take old pods away before new ones are ready');
    }
  }
  return problems;
}
