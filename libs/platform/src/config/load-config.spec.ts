import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IsInt, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { ConfigError, loadConfig } from './load-config';
import { EnvBoolean, PlatformConfig } from './platform.config';

class ExampleConfig extends PlatformConfig {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WIDGETS = 3;

  @EnvBoolean()
  FEATURE_ON = false;
}

function envFile(contents: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
  const path = join(dir, '.env');
  writeFileSync(path, contents);
  return path;
}

describe(loadConfig.name, () => {
  it('uses the local defaults when nothing is set', () => {
    const config = loadConfig(ExampleConfig, { env: {}, envFile: null });
    expect(config.WIDGETS).toBe(3);
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(config.FEATURE_ON).toBe(false);
  });

  it('converts numbers and booleans from their string form', () => {
    const config = loadConfig(ExampleConfig, {
      env: { WIDGETS: '12', FEATURE_ON: 'false', PORT: '4000' },
      envFile: null,
    });
    expect(config.WIDGETS).toBe(12);
    expect(config.PORT).toBe(4000);
    expect(config.FEATURE_ON).toBe(false);
    expect(
      loadConfig(ExampleConfig, { env: { FEATURE_ON: 'true' }, envFile: null }).FEATURE_ON,
    ).toBe(true);
  });

  it('lets the environment win over the .env file', () => {
    const path = envFile('WIDGETS=7\nLOG_LEVEL=debug\n');
    const config = loadConfig(ExampleConfig, { env: { WIDGETS: '9' }, envFile: path });
    expect(config.WIDGETS).toBe(9);
    expect(config.LOG_LEVEL).toBe('debug');
  });

  it('names every bad variable without echoing its value', () => {
    let error: unknown;
    try {
      loadConfig(ExampleConfig, {
        env: { WIDGETS: 'many', PORT: '70000', LOG_LEVEL: 's3cret-level' },
        envFile: null,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/WIDGETS/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).not.toMatch(/s3cret-level/);
    expect((error as ConfigError).problems).toHaveLength(3);
  });

  it('ignores variables the class does not declare', () => {
    const config = loadConfig(ExampleConfig, { env: { SOMETHING_ELSE: 'x' }, envFile: null });
    expect(config).not.toHaveProperty('SOMETHING_ELSE');
  });

  describe('settings from files (X_FILE)', () => {
    const secret = (contents: string) => {
      const path = join(mkdtempSync(join(tmpdir(), 'secret-')), 'value');
      writeFileSync(path, contents);
      return path;
    };

    it('reads the value from the file, without its final line break', () => {
      const config = loadConfig(ExampleConfig, {
        env: { POSTGRES_PASSWORD_FILE: secret('s3cret pass\n'), WIDGETS_FILE: secret('7') },
        envFile: null,
      });
      expect(config.POSTGRES_PASSWORD).toBe('s3cret pass');
      expect(config.WIDGETS).toBe(7);
    });

    it('refuses both forms at once and an unreadable file, naming the variable and not the value', () => {
      let error: unknown;
      try {
        loadConfig(ExampleConfig, {
          env: {
            POSTGRES_PASSWORD: 'hunter2',
            POSTGRES_PASSWORD_FILE: secret('other'),
            REDIS_PASSWORD_FILE: '/nonexistent/redis-password',
          },
          envFile: null,
        });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(
        /POSTGRES_PASSWORD: set either POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE/,
      );
      expect(problems).toMatch(/REDIS_PASSWORD_FILE: cannot read/);
      expect(problems).not.toContain('hunter2');
      expect(problems).not.toContain('other');
    });
  });
});
