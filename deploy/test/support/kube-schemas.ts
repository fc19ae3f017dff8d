import Ajv from 'ajv';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { KubeObject } from './manifests';

// The models' base class is typed through an exports map this repository's TypeScript
// resolution does not read, hence the narrow interface.
interface Validating {
  validate(): void;
}

const MODELS: Record<string, new (data: never) => unknown> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
};

// The Kubernetes schemas do not cover CRDs: the Prometheus Operator's ServiceMonitor is checked
// against the part of its CRD schema the chart uses, strictly.
const serviceMonitorSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'monitoring.coreos.com/v1' },
    kind: { const: 'ServiceMonitor' },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
        namespace: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    spec: {
      type: 'object',
      required: ['selector', 'endpoints'],
      additionalProperties: false,
      properties: {
        targetLabels: { type: 'array', items: { type: 'string' } },
        selector: {
          type: 'object',
          additionalProperties: false,
          properties: { matchLabels: { type: 'object', additionalProperties: { type: 'string' } } },
        },
        endpoints: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['port'],
            additionalProperties: false,
            properties: {
              port: { type: 'string' },
              path: { type: 'string', pattern: '^/' },
              honorLabels: { type: 'boolean' },
              interval: {
                type: 'string',
                pattern: '^(0|(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$',
              },
              scrapeTimeout: {
                type: 'string',
                pattern: '^(0|(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$',
              },
            },
          },
        },
      },
    },
  },
};
const validateServiceMonitor = new Ajv({ allErrors: true }).compile(serviceMonitorSchema);

// The PrometheusRule CRD's shape for the parts the chart uses (promtool checks the rules).
const prometheusRuleSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'monitoring.coreos.com/v1' },
    kind: { const: 'PrometheusRule' },
    metadata: serviceMonitorSchema.properties.metadata,
    spec: {
      type: 'object',
      required: ['groups'],
      additionalProperties: false,
      properties: {
        groups: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['name', 'rules'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1 },
              rules: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['alert', 'expr'],
                  additionalProperties: false,
                  properties: {
                    alert: { type: 'string' },
                    expr: { type: 'string' },
                    for: { type: 'string', pattern: '^(0|(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?)$' },
                    labels: { type: 'object', additionalProperties: { type: 'string' } },
                    annotations: { type: 'object', additionalProperties: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
const validatePrometheusRule = new Ajv({ allErrors: true }).compile(prometheusRuleSchema);

/** Problems of one object against its Kubernetes (or CRD) schema; empty when valid. */
export function schemaProblems(object: KubeObject): string[] {
  const where = `${object.kind} ${object.metadata?.name}`;
  if (object.apiVersion === 'monitoring.coreos.com/v1' && object.kind === 'ServiceMonitor') {
    return validateServiceMonitor(object)
      ? []
      : (validateServiceMonitor.errors ?? []).map(
          (e) => `${where}: ${e.instancePath} ${e.message}`,
        );
  }
  if (object.apiVersion === 'monitoring.coreos.com/v1' && object.kind === 'PrometheusRule') {
    return validatePrometheusRule(object)
      ? []
      : (validatePrometheusRule.errors ?? []).map(
          (e) => `${where}: ${e.instancePath} ${e.message}`,
        );
  }
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) return [`${where}: no schema for ${object.apiVersion} ${object.kind}`];
  try {
    (new Model(object as never) as Validating).validate();
    return [];
  } catch (error) {
    return [`${where}: ${error instanceof Error ? error.message : String(error)}`];
  }
}
