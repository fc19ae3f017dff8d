import { join } from 'node:path';
import type { KubeObject } from './manifests';
import { loadKustomization, readYaml } from './manifests';

interface Overlay {
  apiVersion: string;
  kind: string;
  resources: string[];
  patches?: {
    path: string;
    target: { kind: string; name?: string; labelSelector?: string };
  }[];
  [field: string]: unknown;
}

interface AddOperation {
  op: string;
  path: string;
  value: unknown;
}

function selected(
  object: KubeObject,
  target: { kind: string; name?: string; labelSelector?: string },
): boolean {
  if (object.kind !== target.kind) return false;
  if (target.name && object.metadata.name !== target.name) return false;
  for (const term of target.labelSelector?.split(',') ?? []) {
    const [key, value] = term.split('=');
    if (!key || object.metadata.labels?.[key] !== value) return false;
  }
  return true;
}

/** JSON 6902 `add` (the only operation the overlays use); `-` appends to an array. */
function add(object: KubeObject, operation: AddOperation, source: string): void {
  if (operation.op !== 'add')
    throw new Error(`${source}: only add is supported, not ${operation.op}`);
  const steps = operation.path
    .split('/')
    .slice(1)
    .map((step) => step.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = steps.pop();
  let node: unknown = object;
  for (const step of steps) {
    node = (node as Record<string, unknown>)[step];
    if (typeof node !== 'object' || node === null) {
      throw new Error(`${source}: ${operation.path} does not exist in ${object.metadata.name}`);
    }
  }
  const value = structuredClone(operation.value);
  if (Array.isArray(node)) {
    if (last === '-') node.push(value);
    else node.splice(Number(last), 0, value);
  } else {
    (node as Record<string, unknown>)[last as string] = value;
  }
}

/**
 * What `kubectl apply -k <dir>` sends for an overlay over one base folder: the base's objects
 * with the overlay's JSON 6902 patches applied to the objects their targets select.
 */
export function loadOverlay(dir: string): { overlay: Overlay; objects: KubeObject[] } {
  const overlay = readYaml<Overlay>(join(dir, 'kustomization.yaml'));
  const objects = overlay.resources.flatMap((base) => loadKustomization(join(dir, base)).objects);
  for (const patch of overlay.patches ?? []) {
    const operations = readYaml<AddOperation[]>(join(dir, patch.path));
    const targets = objects.filter((o) => selected(o, patch.target));
    if (targets.length === 0) throw new Error(`${patch.path} selects nothing`);
    for (const object of targets) {
      for (const operation of operations) add(object, operation, patch.path);
    }
  }
  return { overlay, objects };
}
