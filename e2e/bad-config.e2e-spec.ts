import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './readme-commands';

const NODE = join(REPO_ROOT, 'node_modules/.bin/node');

function boot(app: string, env: NodeJS.ProcessEnv) {
  return spawnSync(NODE, [join(REPO_ROOT, `dist/apps/${app}/src/main.js`)], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('an app started with bad settings', () => {
  it('refuses to start and names each bad variable, without echoing values', () => {
    const result = boot('user', {
      PORT: 'not-a-port',
      KAFKA_PARTITIONS: '0',
      POSTGRES_PASSWORD: 'hunter2',
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/KAFKA_PARTITIONS/);
    expect(result.stderr).not.toMatch(/not-a-port/);
    expect(result.stderr).not.toMatch(/hunter2/);
  });

  it('refuses a log level it does not know on the gateway too', () => {
    const result = boot('gateway', { LOG_LEVEL: 'loud' });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/LOG_LEVEL/);
  });
});
