import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { itDeploysTheSuite } from './support/deployment-checks';
import { loadKustomization, ROOT } from './support/manifests';

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
  });
});
