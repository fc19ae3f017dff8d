import { join } from 'node:path';
import { SERVICES } from '@rendezvous/contracts';
import type { ServiceName } from '@rendezvous/contracts';
import { PlatformConfig } from '@rendezvous/platform';
import { CONNECTION_SETTINGS } from './connection-security';
import type { KubeObject } from './manifests';
import { ROOT } from './manifests';
import type { Workload } from './workloads';

export const APPS: readonly ServiceName[] = SERVICES;

/**
 * Settings whose values are secrets (or may hold one, like a URL with a password): a deployment
 * gives them from a Secret, never from a ConfigMap or the file itself. Names ending in
 * _PASSWORD, _SECRET, _KEY or _KEYS count as secrets without being listed.
 */
const SECRET_SETTINGS = new Set(['REDIS_URL']);

export function isSecretSetting(name: string): boolean {
  return SECRET_SETTINGS.has(name) || /(_PASSWORD|_SECRET|_KEY|_KEYS)$/.test(name);
}

/** Settings an app declares through PlatformConfig but never uses, so no deployment gives it. */
const UNUSED_SETTINGS: Partial<Record<ServiceName, readonly string[]>> = {
  // No database (PlatformModule.forRoot without `database`).
  gateway: [
    'POSTGRES_HOST',
    'POSTGRES_PORT',
    'POSTGRES_USER',
    'POSTGRES_PASSWORD',
    'POSTGRES_DB',
    'POSTGRES_POOL_SIZE',
  ],
};

/**
 * Every environment variable an app reads: the properties of its config class (PlatformConfig
 * plus apps/<app>/src/config.ts), found the way the config loader finds them — every property
 * has an initializer, so an instance lists them all.
 */
export async function appSettings(app: ServiceName): Promise<string[]> {
  // By path, as a deployment tool would: nothing imports an app.
  const module = (await import(join(ROOT, 'apps', app, 'src', 'config'))) as Record<
    string,
    unknown
  >;
  const classes = Object.values(module).filter(
    (value): value is new () => PlatformConfig =>
      typeof value === 'function' && value.prototype instanceof PlatformConfig,
  );
  if (classes.length === 0) throw new Error(`apps/${app}/src/config.ts exports no config class`);
  const names = new Set(classes.flatMap((cls) => Object.keys(new cls())));
  return [...names].sort();
}

/** Settings whose defaults (plaintext, no authentication) a deployment may leave in place. */
const OPTIONAL_SETTINGS: readonly string[] = CONNECTION_SETTINGS;

/** The settings an app needs a deployment to provide. */
export async function requiredSettings(app: ServiceName): Promise<string[]> {
  const unused = UNUSED_SETTINGS[app] ?? [];
  return (await appSettings(app)).filter(
    (name) => !unused.includes(name) && !OPTIONAL_SETTINGS.includes(name),
  );
}

export interface ProvidedSettings {
  /** Plain values: from ConfigMaps (envFrom or configMapKeyRef) or literal env values. */
  plain: Set<string>;
  /** From Secrets through secretKeyRef. */
  secret: Set<string>;
  /** Written out in a ConfigMap or the manifest itself, even where a Secret overrides it. */
  inClear: Set<string>;
  problems: string[];
}

/** What the first container of a pod gets: env entries and the ConfigMaps it takes whole. */
export function providedSettings(workload: Workload, objects: KubeObject[]): ProvidedSettings {
  const provided: ProvidedSettings = {
    plain: new Set(),
    secret: new Set(),
    inClear: new Set(),
    problems: [],
  };
  const container = workload.pod.containers[0];
  if (!container) return { ...provided, problems: ['no container'] };
  for (const source of container.envFrom ?? []) {
    if (source.secretRef) {
      // Keys of a Secret are unknown here, and a whole Secret as env hides what is given.
      provided.problems.push(`takes Secret ${source.secretRef.name} whole (envFrom)`);
      continue;
    }
    const name = source.configMapRef?.name;
    const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
    if (!configMap) {
      provided.problems.push(`envFrom ConfigMap ${String(name)} is not deployed`);
      continue;
    }
    for (const key of Object.keys(configMap.data ?? {})) {
      provided.plain.add(key);
      provided.inClear.add(key);
    }
  }
  for (const entry of container.env ?? []) {
    if (entry.valueFrom?.secretKeyRef) {
      provided.plain.delete(entry.name);
      provided.secret.add(entry.name);
    } else {
      provided.plain.add(entry.name);
      if (!entry.valueFrom) provided.inClear.add(entry.name);
    }
  }
  return provided;
}

/** Required settings a workload does not get, and secrets it gets in the clear. */
export async function settingProblems(
  app: ServiceName,
  workload: Workload,
  objects: KubeObject[],
): Promise<string[]> {
  const provided = providedSettings(workload, objects);
  const problems = [...provided.problems];
  for (const name of await requiredSettings(app)) {
    if (isSecretSetting(name)) {
      if (!provided.secret.has(name)) problems.push(`${name} is not given from a Secret`);
    } else if (!provided.plain.has(name) && !provided.secret.has(name)) {
      problems.push(`${name} is not given`);
    }
  }
  for (const name of provided.inClear) {
    if (isSecretSetting(name)) problems.push(`${name} is written out in the clear`);
  }
  return problems;
}
