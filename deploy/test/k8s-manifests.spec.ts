import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { APPS } from './support/app-settings';
import { connectionSecurity } from './support/connection-security';
import { itDeploysTheSuite } from './support/deployment-checks';
import { loadOverlay } from './support/kustomize-overlay';
import { loadKustomization, ROOT } from './support/manifests';
import { deployments } from './support/workloads';

const K8S = join(ROOT, 'k8s');

describe('k8s/ plain manifests', () => {
  const { kustomization, objects } = loadKustomization(K8S);

  it('applies every manifest in the folder through kustomization.yaml, into one namespace', () => {
    const files = readdirSync(K8S).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    // Only fields this test's loader applies, so what is checked is what kubectl applies.
    expect(Object.keys(kustomization).sort()).toEqual(
      ['apiVersion', 'kind', 'namespace', 'resources'].sort(),
    );
    expect(kustomization).toMatchObject({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: 'rendezvous',
    });
  });

  itDeploysTheSuite({
    objects: () => objects,
    namespace: 'rendezvous',
    resourceName: (app) => `rendezvous-${app}`,
    infrastructurePorts: [9092, 5432, 6379, 9411],
  });
});

describe('deploy/k8s/managed-services, k8s/ against managed Kafka, PostgreSQL and Redis', () => {
  const { overlay, objects } = loadOverlay(join(ROOT, 'deploy', 'k8s', 'managed-services'));
  const certs = '/etc/rendezvous/certs';

  it('builds on k8s/ and only adds to it', () => {
    expect(overlay.resources).toEqual(['../../../k8s']);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(
      loadKustomization(K8S).objects.map((o) => `${o.kind}/${o.metadata.name}`),
    );
  });

  itDeploysTheSuite({
    objects: () => objects,
    namespace: 'rendezvous',
    resourceName: (app) => `rendezvous-${app}`,
    infrastructurePorts: [9092, 5432, 6379, 9411],
  });

  it('gives every app TLS and SASL settings, passwords from Secrets, certificates as read-only files', () => {
    const all = deployments(objects);
    expect(all.map((d) => d.name).sort()).toEqual(APPS.map((app) => `rendezvous-${app}`).sort());
    for (const workload of all) {
      expect({ name: workload.name, ...connectionSecurity(workload, objects) }).toEqual({
        name: workload.name,
        settings: {
          POSTGRES_SSLMODE: 'verify-full',
          POSTGRES_SSL_CA_FILE: `${certs}/postgres-ca.crt`,
          REDIS_USERNAME: 'rendezvous',
          REDIS_TLS_CA_FILE: `${certs}/redis-ca.crt`,
          KAFKA_SSL: 'true',
          KAFKA_SSL_CA_FILE: `${certs}/kafka-ca.crt`,
          KAFKA_SSL_CERT_FILE: `${certs}/kafka-client.crt`,
          KAFKA_SSL_KEY_FILE: `${certs}/kafka-client.key`,
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_USERNAME: 'rendezvous',
        },
        secrets: {
          REDIS_PASSWORD: 'rendezvous-redis/password',
          KAFKA_SASL_PASSWORD: 'rendezvous-kafka/password',
        },
        files: {
          [`${certs}/postgres-ca.crt`]: 'rendezvous-postgres-ca/ca.crt',
          [`${certs}/redis-ca.crt`]: 'rendezvous-redis-ca/ca.crt',
          [`${certs}/kafka-ca.crt`]: 'rendezvous-kafka-ca/ca.crt',
          [`${certs}/kafka-client.crt`]: 'rendezvous-kafka-client/tls.crt',
          [`${certs}/kafka-client.key`]: 'rendezvous-kafka-client/tls.key',
        },
      });
    }
  });

  it('leaves k8s/ itself without TLS or authentication settings, Secrets or certificate files', () => {
    const base = loadKustomization(K8S).objects;
    for (const workload of deployments(base)) {
      expect({ name: workload.name, ...connectionSecurity(workload, base) }).toEqual({
        name: workload.name,
        settings: {},
        secrets: {},
        files: {},
      });
    }
  });
});
