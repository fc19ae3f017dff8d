import type { KubeObject } from './manifests';
import type { Workload } from './workloads';

/** The TLS and authentication settings of Kafka, PostgreSQL and Redis (libs/platform). */
export const CONNECTION_SETTINGS = [
  'POSTGRES_SSLMODE',
  'POSTGRES_SSL_CA_FILE',
  'REDIS_USERNAME',
  'REDIS_PASSWORD',
  'REDIS_TLS_CA_FILE',
  'KAFKA_SSL',
  'KAFKA_SSL_CA_FILE',
  'KAFKA_SSL_CERT_FILE',
  'KAFKA_SSL_KEY_FILE',
  'KAFKA_SASL_MECHANISM',
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD',
] as const;

interface ProjectedVolume {
  name: string;
  projected?: { sources: { secret?: { name: string; items?: { key: string; path: string }[] } }[] };
  secret?: { secretName: string; items?: { key: string; path: string }[] };
}

interface Mount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}

export interface ConnectionSecurity {
  /** Plain values, from the container's ConfigMaps or literal env entries. */
  settings: Record<string, string>;
  /** Settings from Secrets, as `<secret>/<key>`. */
  secrets: Record<string, string>;
  /** Files mounted from Secrets, by path, as `<secret>/<key>`; a writable mount is marked. */
  files: Record<string, string>;
}

/** What one workload's first container gets of the connection settings and Secret files. */
export function connectionSecurity(workload: Workload, objects: KubeObject[]): ConnectionSecurity {
  const container = workload.pod.containers[0];
  const wanted = new Set<string>(CONNECTION_SETTINGS);
  const result: ConnectionSecurity = { settings: {}, secrets: {}, files: {} };
  for (const source of container?.envFrom ?? []) {
    const map = objects.find(
      (o) => o.kind === 'ConfigMap' && o.metadata.name === source.configMapRef?.name,
    );
    for (const [key, value] of Object.entries(map?.data ?? {})) {
      if (wanted.has(key)) result.settings[key] = value;
    }
  }
  for (const entry of container?.env ?? []) {
    if (!wanted.has(entry.name)) continue;
    const ref = entry.valueFrom?.secretKeyRef;
    if (ref) result.secrets[entry.name] = `${ref.name}/${ref.key}`;
    else if (entry.value !== undefined) result.settings[entry.name] = entry.value;
  }
  const pod = workload.pod as unknown as { volumes?: ProjectedVolume[] };
  const mounts = (container as unknown as { volumeMounts?: Mount[] }).volumeMounts ?? [];
  for (const mount of mounts) {
    const volume = pod.volumes?.find((v) => v.name === mount.name);
    const secrets = [
      ...(volume?.projected?.sources.flatMap((s) => (s.secret ? [s.secret] : [])) ?? []),
      ...(volume?.secret ? [{ name: volume.secret.secretName, items: volume.secret.items }] : []),
    ];
    for (const secret of secrets) {
      for (const item of secret.items ?? []) {
        const where = `${mount.mountPath}/${item.path}`;
        result.files[where] = `${secret.name}/${item.key}${mount.readOnly ? '' : ' (writable)'}`;
      }
    }
  }
  return result;
}
