import type { OpenAPIObject } from '@nestjs/swagger';

export interface ServiceDocument {
  service: string;
  document: OpenAPIObject;
}

const API_PATH = /^\/api\/v1(\/|$)/;
const SCHEMA_REF = '#/components/schemas/';

function renameSchemas<T>(value: T, renames: Map<string, string>): T {
  if (renames.size === 0) return value;
  let json = JSON.stringify(value);
  for (const [from, to] of renames) {
    json = json.split(`"${SCHEMA_REF}${from}"`).join(`"${SCHEMA_REF}${to}"`);
  }
  return JSON.parse(json) as T;
}

/**
 * One document for the whole public API: the gateway's own routes plus each service's
 * `/api/v1` routes. A schema name two services use for different shapes is prefixed with the
 * later service's name, and its references follow.
 */
export function mergeDocuments(gateway: OpenAPIObject, services: ServiceDocument[]): OpenAPIObject {
  const schemas = { ...gateway.components?.schemas };
  const securitySchemes = { ...gateway.components?.securitySchemes };
  const paths = { ...gateway.paths };
  const tags = [...(gateway.tags ?? [])];
  for (const { service, document } of services) {
    const renames = new Map<string, string>();
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      const existing = schemas[name];
      if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) {
        renames.set(name, `${service}_${name}`);
      }
    }
    const own = renameSchemas(document, renames);
    for (const [name, schema] of Object.entries(own.components?.schemas ?? {})) {
      schemas[renames.get(name) ?? name] = schema;
    }
    Object.assign(securitySchemes, own.components?.securitySchemes);
    for (const [path, item] of Object.entries(own.paths)) {
      if (API_PATH.test(path)) paths[path] = item;
    }
    const known = new Set(tags.map((tag) => tag.name));
    tags.push(...(own.tags ?? []).filter((tag) => !known.has(tag.name)));
  }
  const merged: OpenAPIObject = {
    ...gateway,
    info: {
      title: 'Rendezvous API',
      version: '1',
      description:
        'The public API, served by the gateway. Real-time events: Socket.IO at /socket.io; Kafka events: /docs/events.yaml.',
    },
    servers: [{ url: '/', description: 'this gateway (paths include /api/v1)' }],
    paths,
    components: { ...gateway.components, schemas, securitySchemes },
    tags,
  };
  return merged;
}
