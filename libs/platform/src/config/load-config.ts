import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { plainToInstance } from 'class-transformer';
import type { ValidationError } from 'class-validator';
import { validateSync } from 'class-validator';

export type ConfigClass<T> = new () => T;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Bad settings stop the process: their message, and exit code 78 (EX_CONFIG). */
export function exitOnConfigError(error: ConfigError): never {
  process.stderr.write(`${error.message}\n`);
  process.exit(78);
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Optional dotenv file; variables from the environment win over it. */
  envFile?: string | null;
}

function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
}

/** A mounted secret's content, without the line break editors and `kubectl` leave at its end. */
function readSecretFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch {
    return null;
  }
}

function describe(errors: ValidationError[]): string[] {
  // Values are left out on purpose: a bad variable may be a secret.
  return errors.map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? { invalid: 'is invalid' }).join('; ')}`,
  );
}

/**
 * Reads the variables the class declares from the environment (and an optional `.env`),
 * converts and validates them. Any variable `X` may instead be given as `X_FILE`, the path of a
 * file holding its value (a mounted Kubernetes Secret). Throws ConfigError naming every bad
 * variable, never its value.
 */
export function loadConfig<T extends object>(
  cls: ConfigClass<T>,
  options: LoadConfigOptions = {},
): T {
  const env = options.env ?? process.env;
  const fileVars = options.envFile === null ? {} : readEnvFile(resolve(options.envFile ?? '.env'));
  const declared = Object.keys(new cls());
  const raw: Record<string, string> = {};
  const problems: string[] = [];
  for (const key of declared) {
    const value = env[key] ?? fileVars[key];
    const path = env[`${key}_FILE`] ?? fileVars[`${key}_FILE`];
    if (path !== undefined && path !== '') {
      if (value !== undefined && value !== '') {
        problems.push(`${key}: set either ${key} or ${key}_FILE, not both`);
        continue;
      }
      const read = readSecretFile(path);
      if (read === null) problems.push(`${key}_FILE: cannot read ${path}`);
      else if (read !== '') raw[key] = read;
    } else if (value !== undefined && value !== '') raw[key] = value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const config = plainToInstance(cls, raw, {
    exposeDefaultValues: true,
    enableImplicitConversion: false,
  });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(describe(errors));
  return config;
}
