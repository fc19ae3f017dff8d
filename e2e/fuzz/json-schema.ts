/** The part of an OpenAPI 3 schema object the fuzzer reads. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  example?: unknown;
  description?: string;
}

export type ValueKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'free';

/** A schema with its references and `allOf` folded in: what one value must look like. */
export interface FieldSchema extends Schema {
  kind: ValueKind;
  properties?: Record<string, FieldSchema>;
  items?: FieldSchema;
}

const REF_PREFIX = '#/components/schemas/';

function merge(schemas: Schema[]): Schema {
  const merged: Schema = {};
  for (const schema of schemas) {
    Object.assign(merged, schema, {
      properties: { ...merged.properties, ...schema.properties },
      required: [...(merged.required ?? []), ...(schema.required ?? [])],
    });
  }
  if (Object.keys(merged.properties ?? {}).length === 0) delete merged.properties;
  return merged;
}

/*
 * Swagger documents a `string | null` property as `type: object` with string bounds, and a
 * `number | null` one as `type: object` with numeric bounds; the bounds tell what it really is.
 */
function kindOf(schema: Schema): ValueKind {
  const hasStringBounds =
    schema.minLength !== undefined || schema.maxLength !== undefined || schema.format !== undefined;
  const hasNumberBounds = schema.minimum !== undefined || schema.maximum !== undefined;
  if (schema.enum) return typeof schema.enum[0] === 'number' ? 'number' : 'string';
  if (schema.properties) return 'object';
  if (schema.type === 'array' || schema.items) return 'array';
  if (schema.type === 'string' || (schema.type !== 'number' && hasStringBounds)) return 'string';
  if (schema.type === 'number' || schema.type === 'integer' || hasNumberBounds) return 'number';
  if (schema.type === 'boolean') return 'boolean';
  return 'free';
}

/** Resolves `$ref` and `allOf` against the document's components, recursively. */
export function resolveSchema(
  schema: Schema | undefined,
  components: Record<string, Schema>,
  seen: string[] = [],
): FieldSchema | undefined {
  if (!schema) return undefined;
  let flat: Schema = schema;
  if (schema.$ref) {
    const name = schema.$ref.slice(REF_PREFIX.length);
    if (seen.includes(name)) return { kind: 'free' };
    const { $ref: _ref, ...own } = schema;
    flat = merge([components[name] ?? {}, own]);
    seen = [...seen, name];
  }
  if (flat.allOf) {
    const { allOf, ...own } = flat;
    const parts = allOf.map((part) => resolveSchema(part, components, seen) ?? {});
    flat = merge([...parts, own]);
  }
  const properties = flat.properties
    ? Object.fromEntries(
        Object.entries(flat.properties).map(([name, property]) => [
          name,
          resolveSchema(property, components, seen) ?? { kind: 'free' as const },
        ]),
      )
    : undefined;
  const items = resolveSchema(flat.items, components, seen);
  return { ...flat, kind: kindOf(flat), properties, items };
}
