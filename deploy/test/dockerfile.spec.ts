import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/manifests';

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** The Dockerfile's stages and their instructions, continuation lines joined. */
function stages(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const result: Stage[] = [];
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      const [, from = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      result.push({ from, name, instructions: [] });
    } else {
      result.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return result;
}

function argDefaults(text: string): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [, name = '', value = ''] of text.matchAll(/^ARG (\w+)=(\S+)$/gm))
    defaults[name] = value;
  return defaults;
}

describe('Dockerfile', () => {
  const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const all = stages(text);
  const runtime = all.at(-1) as Stage;
  const defaults = argDefaults(text);
  const image = (from: string) =>
    from.replace(/\$\{(\w+)\}/g, (_m, name: string) => defaults[name] ?? '');
  const runs = (stage: Stage | undefined) =>
    (stage?.instructions ?? []).filter((i) => i.keyword === 'RUN').map((i) => i.args);

  it('builds in stages on Node 24 and runs on a slim Node 24', () => {
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const stage of all) {
      const base = all.some((s) => s.name === stage.from) ? 'stage' : image(stage.from);
      expect(base === 'stage' || /^node:24(\.|-|$)/.test(base)).toBe(true);
    }
    expect(image(runtime.from)).toMatch(/^node:24-.*slim$/);
  });

  it('runs the repository build script for the dependencies and for the app', () => {
    const production = all.find((s) => s.name === 'production-dependencies');
    const build = all.find((s) => s.name === 'build');
    expect(runs(production).some((r) => r.includes('tools/deploy/build.sh deps'))).toBe(true);
    expect(runs(build).some((r) => /tools\/deploy\/build\.sh app "\$\{APP/.test(r))).toBe(true);
  });

  it('ships production dependencies and the built app only, as a non-root user', () => {
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies).toEqual([
      '--from=production-dependencies /out/node_modules ./node_modules',
      '--from=build /out ./',
    ]);
    const user = runtime.instructions.filter((i) => i.keyword === 'USER').at(-1)?.args ?? '';
    expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
    expect(runtime.instructions.find((i) => i.keyword === 'CMD')?.args).toBe('["node", "."]');
    const env = runtime.instructions.find((i) => i.keyword === 'ENV')?.args;
    expect(env).toContain('NODE_ENV=production');
    // The young generation npm start uses too (README, Benchmarks).
    expect(env).toMatch(/NODE_OPTIONS="[^"]*--max-semi-space-size=16[^"]*"/);
  });

  it('checks /health/live and carries the OCI labels', () => {
    const healthcheck = runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK')?.args ?? '';
    expect(healthcheck).toContain('/health/live');
    const labels = runtime.instructions
      .filter((i) => i.keyword === 'LABEL')
      .map((i) => i.args)
      .join(' ');
    for (const key of ['title', 'description', 'version', 'revision', 'created', 'licenses']) {
      expect(labels).toContain(`org.opencontainers.image.${key}=`);
    }
  });

  it('keeps local and generated files out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    for (const entry of ['node_modules', 'dist', '.local', '.git', '.env', '.nx']) {
      expect(ignored).toContain(entry);
    }
  });
});
