/**
 * Whether consumers written against one version of a JSON Schema still accept everything a
 * producer may send under the next one (ARCHITECTURE.md: a breaking change is a new
 * `schemaVersion` on a new topic). Breaking, for data read by others: a removed property, a
 * retyped one (a type, format or constant it did not have), a widened enum, a property that
 * was required and is now optional, a new property in a closed object, a `null` where there was
 * none. Adding an optional property to an open object, tightening bounds or narrowing an enum is
 * fine.
 */
type Schema = Readonly<Record<string, unknown>>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The alternatives a schema allows (`anyOf`/`oneOf` branches, or itself). */
function branches(schema: Schema): Schema[] {
  const alternatives = (schema['anyOf'] ?? schema['oneOf']) as unknown;
  return Array.isArray(alternatives) ? alternatives.filter(isSchema) : [schema];
}

function typeOf(schema: Schema): string {
  if (schema['type'] !== undefined) return String(schema['type']);
  if (schema['enum'] !== undefined || schema['const'] !== undefined) return 'enum';
  if (schema['properties'] !== undefined) return 'object';
  return 'any';
}

const describe = (path: string) => path || '(data)';

function compareObject(before: Schema, after: Schema, path: string, out: string[]): void {
  const was = (before['properties'] ?? {}) as Record<string, Schema>;
  const now = (after['properties'] ?? {}) as Record<string, Schema>;
  const wasRequired = new Set((before['required'] ?? []) as string[]);
  const nowRequired = new Set((after['required'] ?? []) as string[]);
  for (const [name, schema] of Object.entries(was)) {
    const at = path ? `${path}.${name}` : name;
    if (!(name in now)) {
      out.push(`${at}: removed`);
      continue;
    }
    if (wasRequired.has(name) && !nowRequired.has(name)) out.push(`${at}: no longer required`);
    compare(schema, now[name], at, out);
  }
  if (before['additionalProperties'] === false) {
    for (const name of Object.keys(now).filter((n) => !(n in was))) {
      out.push(`${path ? `${path}.` : ''}${name}: added to a closed object`);
    }
    if (after['additionalProperties'] !== false) out.push(`${describe(path)}: no longer closed`);
  }
}

function compareBranch(match: Schema, branch: Schema, kind: string, path: string): string[] {
  const out: string[] = [];
  if (kind === 'any') return out;
  if (match['format'] !== undefined && match['format'] !== branch['format']) {
    out.push(`${describe(path)}: format ${String(match['format'])} → ${String(branch['format'])}`);
  }
  const oldValues = valuesOf(match);
  const newValues = valuesOf(branch);
  if (oldValues && !newValues) {
    out.push(`${describe(path)}: no longer limited to ${JSON.stringify(oldValues)}`);
  }
  if (oldValues && newValues) {
    const added = newValues.filter((value) => !oldValues.includes(value));
    if (added.length > 0) out.push(`${describe(path)}: enum widened by ${JSON.stringify(added)}`);
  }
  if (kind === 'object') compareObject(match, branch, path, out);
  if (kind === 'array' && isSchema(match['items']) && isSchema(branch['items'])) {
    compare(match['items'], branch['items'], `${path}[]`, out);
  }
  return out;
}

const valuesOf = (schema: Schema): unknown[] | null =>
  (schema['enum'] as unknown[] | undefined) ??
  (schema['const'] !== undefined ? [schema['const']] : null);

function compare(before: Schema, after: Schema, path: string, out: string[]): void {
  const was = branches(before);
  for (const branch of branches(after)) {
    const kind = typeOf(branch);
    const candidates = was.filter((old) => typeOf(old) === kind || typeOf(old) === 'any');
    if (candidates.length === 0) {
      out.push(`${describe(path)}: now also ${kind}`);
      continue;
    }
    // Alternatives of one kind (two object shapes in a oneOf): the closest old one is the match.
    const [closest] = candidates
      .map((old) => compareBranch(old, branch, typeOf(old) === 'any' ? 'any' : kind, path))
      .sort((a, b) => a.length - b.length);
    out.push(...closest);
  }
}

/** What would break consumers of `before` if producers sent data valid under `after`. */
export function breakingChanges(before: Schema, after: Schema): string[] {
  const out: string[] = [];
  compare(before, after, '', out);
  return out;
}
