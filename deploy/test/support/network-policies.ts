import type { KubeObject } from './manifests';
import type { Workload } from './workloads';

/**
 * Kubernetes NetworkPolicy semantics, as far as the manifests use them, so tests can ask
 * "may this pod reach that one on this port" instead of comparing YAML.
 */

type Labels = Record<string, string>;

interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: { port?: number | string; protocol?: string }[];
}

interface PolicySpec {
  podSelector: LabelSelector;
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: Rule[];
  egress?: Rule[];
}

export interface Pod {
  namespace: string;
  labels: Labels;
  /** Named container ports. */
  ports: Record<string, number>;
}

/** Something outside the cluster, by IPv4 address. */
export interface External {
  ip: string;
}

export type Endpoint = Pod | External;

function isPod(endpoint: Endpoint): endpoint is Pod {
  return 'labels' in endpoint;
}

export function matches(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const value = labels[key];
    const ok =
      operator === 'In'
        ? value !== undefined && values.includes(value)
        : operator === 'NotIn'
          ? value === undefined || !values.includes(value)
          : operator === 'Exists'
            ? value !== undefined
            : operator === 'DoesNotExist'
              ? value === undefined
              : false;
    if (!ok) return false;
  }
  return true;
}

function ipv4(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipv4(base) / size) * size;
  return ipv4(ip) >= start && ipv4(ip) < start + size;
}

function namespaceLabels(namespace: string): Labels {
  return { 'kubernetes.io/metadata.name': namespace };
}

function peerMatches(peer: Peer, policyNamespace: string, other: Endpoint): boolean {
  if (peer.ipBlock) {
    if (isPod(other)) return false;
    return (
      inCidr(other.ip, peer.ipBlock.cidr) &&
      !(peer.ipBlock.except ?? []).some((cidr) => inCidr(other.ip, cidr))
    );
  }
  if (!isPod(other)) return false;
  const namespaceOk = peer.namespaceSelector
    ? matches(peer.namespaceSelector, namespaceLabels(other.namespace))
    : other.namespace === policyNamespace;
  return namespaceOk && matches(peer.podSelector, other.labels);
}

function portMatches(rule: Rule, destination: Endpoint, port: number): boolean {
  if (!rule.ports || rule.ports.length === 0) return true;
  return rule.ports.some(({ port: wanted }) => {
    if (wanted === undefined) return true;
    if (typeof wanted === 'number') return wanted === port;
    return isPod(destination) && destination.ports[wanted] === port;
  });
}

function policyTypes(spec: PolicySpec): string[] {
  if (spec.policyTypes) return spec.policyTypes;
  return spec.egress ? ['Ingress', 'Egress'] : ['Ingress'];
}

export class NetworkPolicies {
  private readonly policies: { namespace: string; spec: PolicySpec }[];

  constructor(objects: KubeObject[], defaultNamespace: string) {
    this.policies = objects
      .filter((o) => o.kind === 'NetworkPolicy')
      .map((o) => ({
        namespace: o.metadata.namespace ?? defaultNamespace,
        spec: o.spec as unknown as PolicySpec,
      }));
  }

  /** Whether `from` may open a connection to `to` on `port`, under both sides' policies. */
  allows(from: Endpoint, to: Endpoint, port: number): boolean {
    return this.egressAllowed(from, to, port) && this.ingressAllowed(from, to, port);
  }

  private ingressAllowed(from: Endpoint, to: Endpoint, port: number): boolean {
    if (!isPod(to)) return true;
    const selecting = this.policies.filter(
      (p) =>
        p.namespace === to.namespace &&
        policyTypes(p.spec).includes('Ingress') &&
        matches(p.spec.podSelector, to.labels),
    );
    if (selecting.length === 0) return true;
    return selecting.some((p) =>
      (p.spec.ingress ?? []).some(
        (rule) =>
          portMatches(rule, to, port) &&
          (!rule.from ||
            rule.from.length === 0 ||
            rule.from.some((peer) => peerMatches(peer, p.namespace, from))),
      ),
    );
  }

  private egressAllowed(from: Endpoint, to: Endpoint, port: number): boolean {
    if (!isPod(from)) return true;
    const selecting = this.policies.filter(
      (p) =>
        p.namespace === from.namespace &&
        policyTypes(p.spec).includes('Egress') &&
        matches(p.spec.podSelector, from.labels),
    );
    if (selecting.length === 0) return true;
    return selecting.some((p) =>
      (p.spec.egress ?? []).some(
        (rule) =>
          portMatches(rule, to, port) &&
          (!rule.to ||
            rule.to.length === 0 ||
            rule.to.some((peer) => peerMatches(peer, p.namespace, to))),
      ),
    );
  }
}

export function podOf(workload: Workload, namespace: string): Pod {
  const ports: Record<string, number> = {};
  for (const container of workload.pod.containers) {
    for (const port of container.ports ?? []) if (port.name) ports[port.name] = port.containerPort;
  }
  return { namespace, labels: workload.labels, ports };
}
