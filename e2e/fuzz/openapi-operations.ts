import type { FieldSchema, Schema } from './json-schema';
import { resolveSchema } from './json-schema';

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: FieldSchema;
}

/** One documented operation, with everything the document says about its input. */
export interface Operation {
  method: string;
  /** The path template as documented, `/api/v1/events/{id}`. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** Undefined when the document gives no JSON schema for the body (fuzzed with generic ones). */
  body?: FieldSchema;
  /** The operation declares a request body (with or without a schema). */
  takesBody: boolean;
  /** A token is required (the document lists a security requirement). */
  secured: boolean;
}

export interface ApiDocument {
  operations: Operation[];
  /** Every property of every component schema, by name: material for undocumented bodies. */
  knownFields: Map<string, FieldSchema>;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: Record<string, string[]>[];
}

interface OpenApiObject {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
  security?: Record<string, string[]>[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export async function fetchApiDocument(gatewayUrl: string): Promise<ApiDocument> {
  const response = await fetch(`${gatewayUrl}/docs-json`);
  if (!response.ok) throw new Error(`GET /docs-json answered ${response.status}`);
  return readApiDocument((await response.json()) as OpenApiObject);
}

export function readApiDocument(document: OpenApiObject): ApiDocument {
  const components = document.components?.schemas ?? {};
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const parameters = (operation.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p): Parameter => ({
          name: p.name,
          in: p.in as Parameter['in'],
          required: p.in === 'path' || p.required === true,
          schema: resolveSchema(p.schema ?? {}, components) ?? { kind: 'free' },
        }));
      // A templated segment the parameters forgot is still a path parameter.
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        if (!parameters.some((p) => p.in === 'path' && p.name === name)) {
          parameters.push({ name, in: 'path', required: true, schema: { kind: 'string' } });
        }
      }
      const content = operation.requestBody?.content ?? {};
      const jsonSchema = Object.entries(content).find(([type]) => /json/i.test(type))?.[1]?.schema;
      const security = operation.security ?? document.security ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: resolveSchema(jsonSchema, components),
        takesBody: operation.requestBody !== undefined,
        secured: security.some((requirement) => Object.keys(requirement).length > 0),
      });
    }
  }
  const knownFields = new Map<string, FieldSchema>();
  for (const name of Object.keys(components)) {
    const schema = resolveSchema({ $ref: `#/components/schemas/${name}` }, components);
    for (const [field, property] of Object.entries(schema?.properties ?? {})) {
      if (!knownFields.has(field)) knownFields.set(field, property);
    }
  }
  return { operations, knownFields };
}
