import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const ROOT = resolve(__dirname, '../../..');

/** A Kubernetes object as far as these tests read it. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  data?: Record<string, string>;
  spec?: Record<string, unknown>;
  [field: string]: unknown;
}

/** Every document of a multi-document YAML stream; duplicate keys and syntax errors throw. */
export function parseManifests(text: string, source: string): KubeObject[] {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) {
        throw new Error(`${source}: ${document.errors.map((e) => e.message).join('; ')}`);
      }
      return document.toJS() as KubeObject | null;
    })
    .filter((object): object is KubeObject => object !== null);
}

export function readYaml<T>(path: string): T {
  return parse(readFileSync(path, 'utf8'), { merge: true }) as T;
}

export interface Kustomization {
  apiVersion: string;
  kind: string;
  namespace?: string;
  resources: string[];
  [field: string]: unknown;
}

/** What `kubectl apply -k` would send: the listed files, with the kustomization's namespace. */
export function loadKustomization(dir: string): {
  kustomization: Kustomization;
  objects: KubeObject[];
} {
  const kustomization = readYaml<Kustomization>(join(dir, 'kustomization.yaml'));
  const objects = kustomization.resources.flatMap((file) =>
    parseManifests(readFileSync(join(dir, file), 'utf8'), file),
  );
  for (const object of objects) {
    if (kustomization.namespace && object.kind !== 'Namespace') {
      object.metadata.namespace = kustomization.namespace;
    }
  }
  return { kustomization, objects };
}

export function ofKind<T extends KubeObject = KubeObject>(
  objects: KubeObject[],
  kind: string,
): T[] {
  return objects.filter((o) => o.kind === kind) as T[];
}

export function named(objects: KubeObject[], kind: string, name: string): KubeObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}
