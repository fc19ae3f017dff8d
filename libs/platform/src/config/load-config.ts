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

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Optional dotenv file; variables from the environment win over it. */
  envFile?: string | null;
}

function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
}

function describe(errors: ValidationError[]): string[] {
  // Values are left out on purpose: a bad variable may be a secret.
  return errors.map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? { invalid: 'is invalid' }).join('; ')}`,
  );
}

/**
 * Reads the variables the class declares from the environment (and an optional `.env`),
 * converts and validates them. Throws ConfigError naming every bad variable.
 */
export function loadConfig<T extends object>(
  cls: ConfigClass<T>,
  options: LoadConfigOptions = {},
): T {
  const env = options.env ?? process.env;
  const fileVars = options.envFile === null ? {} : readEnvFile(resolve(options.envFile ?? '.env'));
  const declared = Object.keys(new cls());
  const raw: Record<string, string> = {};
  for (const key of declared) {
    const value = env[key] ?? fileVars[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(cls, raw, {
    exposeDefaultValues: true,
    enableImplicitConversion: false,
  });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(describe(errors));
  return config;
}
