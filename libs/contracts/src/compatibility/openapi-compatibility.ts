import { breakingChanges } from './schema-compatibility';

/**
 * What in a new OpenAPI document breaks clients built from an older one: a removed operation
 * or success status; in a request, a new required field or parameter, a field or parameter no
 * longer accepted (bodies and queries refuse unknown ones), a narrowed enum or another type; in
 * a success answer, whatever `breakingChanges` finds for readers of data (a removed field, one
 * made optional or nullable, a widened enum, another type).
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The schema with its `$ref`s to components inlined (a cycle stops at depth 32). */
function resolve(document: Json, value: unknown, depth = 0): unknown {
  if (depth > 32) return {};
  if (Array.isArray(value)) return value.map((inner) => resolve(document, inner, depth + 1));
  if (!isObject(value)) return value;
  const ref = value['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
    return resolve(document, target ?? {}, depth + 1);
  }
  const { nullable, ...rest } = value;
  const out = Object.fromEntries(
    Object.entries(rest).map(([key, inner]) => [key, resolve(document, inner, depth + 1)]),
  );
  return nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function jsonSchemaOf(document: Json, holder: unknown): Json | undefined {
  if (!isObject(holder) || !isObject(holder['content'])) return undefined;
  const media = holder['content']['application/json'];
  return isObject(media) && isObject(media['schema'])
    ? (resolve(document, media['schema']) as Json)
    : undefined;
}

const enumOf = (schema: Json): unknown[] | undefined =>
  Array.isArray(schema['enum']) ? schema['enum'] : undefined;

/** What clients sending requests valid under `before` would now have refused. */
function requestBreaks(before: Json, after: Json, at: string, out: string[]): void {
  if (
    before['type'] !== undefined &&
    after['type'] !== undefined &&
    before['type'] !== after['type']
  ) {
    out.push(`${at}: type ${String(before['type'])} → ${String(after['type'])}`);
  }
  const was = enumOf(before);
  const now = enumOf(after);
  if (now && (!was || was.some((value) => !now.includes(value)))) {
    out.push(`${at}: enum narrowed`);
  }
  const oldProps = (isObject(before['properties']) ? before['properties'] : {}) as Record<
    string,
    Json
  >;
  const newProps = (isObject(after['properties']) ? after['properties'] : {}) as Record<
    string,
    Json
  >;
  const oldRequired = new Set((before['required'] ?? []) as string[]);
  for (const name of (after['required'] ?? []) as string[]) {
    if (!oldRequired.has(name)) out.push(`${at}.${name}: newly required`);
  }
  for (const [name, schema] of Object.entries(oldProps)) {
    if (!(name in newProps)) out.push(`${at}.${name}: no longer accepted`);
    else requestBreaks(schema, newProps[name], `${at}.${name}`, out);
  }
  if (isObject(before['items']) && isObject(after['items'])) {
    requestBreaks(before['items'], after['items'], `${at}[]`, out);
  }
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
}

const parametersOf = (document: Json, operation: Json) =>
  ((resolve(document, operation['parameters'] ?? []) as Parameter[]) ?? []).filter(
    (parameter) => parameter.in !== 'header',
  );

export function openApiBreakingChanges(before: Json, after: Json): string[] {
  const out: string[] = [];
  const oldPaths = (before['paths'] ?? {}) as Record<string, Json>;
  const newPaths = (after['paths'] ?? {}) as Record<string, Json>;
  for (const [path, item] of Object.entries(oldPaths)) {
    for (const method of METHODS.filter((m) => isObject(item[m]))) {
      const name = `${method.toUpperCase()} ${path}`;
      const old = item[method] as Json;
      const now = newPaths[path]?.[method];
      if (!isObject(now)) {
        out.push(`${name}: removed`);
        continue;
      }
      const oldBody = jsonSchemaOf(before, old['requestBody']);
      const newBody = jsonSchemaOf(after, now['requestBody']);
      if (oldBody && newBody) requestBreaks(oldBody, newBody, `${name} body`, out);
      if (!oldBody && newBody && ((now['requestBody'] as Json)['required'] ?? false)) {
        out.push(`${name}: a body is now required`);
      }
      const oldParameters = parametersOf(before, old);
      const newParameters = parametersOf(after, now);
      for (const parameter of newParameters) {
        const was = oldParameters.find((p) => p.name === parameter.name && p.in === parameter.in);
        if (!was && parameter.required) out.push(`${name} ${parameter.name}: newly required`);
        if (was?.schema && parameter.schema) {
          requestBreaks(was.schema, parameter.schema, `${name} ${parameter.name}`, out);
        }
      }
      for (const parameter of oldParameters) {
        if (!newParameters.some((p) => p.name === parameter.name && p.in === parameter.in)) {
          out.push(`${name} ${parameter.name}: no longer accepted`);
        }
      }
      const oldResponses = (old['responses'] ?? {}) as Json;
      const newResponses = (now['responses'] ?? {}) as Json;
      for (const [status, response] of Object.entries(oldResponses)) {
        if (Number(status) >= 400) continue;
        if (!(status in newResponses)) {
          out.push(`${name} → ${status}: no longer answered`);
          continue;
        }
        const was = jsonSchemaOf(before, response);
        const is = jsonSchemaOf(after, newResponses[status]);
        if (was && is) {
          out.push(...breakingChanges(was, is).map((change) => `${name} → ${status}: ${change}`));
        }
      }
    }
  }
  return out;
}
