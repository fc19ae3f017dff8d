import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE } from '@rendezvous/contracts';
import { PUBLIC_OPERATION_EXTENSION } from '../auth/auth.decorators';
import { BEARER_SCHEME } from './bearer-scheme';

export const PROBLEM_SCHEMA_NAME = 'Problem';
const PROBLEM_REF = `#/components/schemas/${PROBLEM_SCHEMA_NAME}`;

/**
 * RFC 9457 problem details as every route answers errors (API.md, Conventions). Open: a problem
 * may carry extension members (`accountStatus`, `suspendedUntil`).
 */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'traceId'],
  properties: {
    type: { type: 'string', example: 'urn:rendezvous:problem:COMMON.VALIDATION_FAILED' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    code: { type: 'string', example: 'COMMON.VALIDATION_FAILED' },
    traceId: { type: 'string', pattern: '^[0-9a-f]{32}$' },
    errors: {
      type: 'array',
      description: 'One entry per bad field',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } },
};

const STANDARD_DESCRIPTIONS: Record<number, string> = {
  400: 'A bad field, parameter or body (one `errors` entry per bad field)',
  401: 'Missing, invalid, expired or revoked access token',
  413: 'The body is larger than 1 MiB',
  415: 'The body is not JSON',
  429: 'Too many requests; `Retry-After` says when to try again',
  503: 'A dependency is briefly unavailable; try again shortly',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

function problemResponse(status: number, description: string): ResponseObject {
  return {
    description,
    ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: PROBLEM_REF } } },
  };
}

function isReference(value: unknown): value is ReferenceObject {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

/**
 * Every route needs the bearer token unless marked `@Public()` (the global guard's rule), so the
 * document says so per operation, whatever the controller declared.
 */
function markSecurity(operation: OperationObject): void {
  const extensions = operation as OperationObject & Record<string, unknown>;
  const isPublic = extensions[PUBLIC_OPERATION_EXTENSION] === true;
  delete extensions[PUBLIC_OPERATION_EXTENSION];
  operation.security = isPublic ? [] : [{ [BEARER_SCHEME]: [] }];
}

/** The statuses every operation of this kind can answer, whatever its own code does. */
function standardStatuses(path: string, operation: OperationObject): number[] {
  // The gateway's rate limits cover the API; health, metrics and docs are not limited.
  const statuses = path.startsWith('/api/') ? [429, 503] : [503];
  if ((operation.security ?? []).length > 0) statuses.push(401);
  if ((operation.parameters ?? []).length > 0 || operation.requestBody) statuses.push(400);
  if (operation.requestBody) statuses.push(413, 415);
  return statuses;
}

/** Request bodies refuse unknown fields (the validation pipe's `forbidNonWhitelisted`). */
function closeRequestSchemas(document: OpenAPIObject, operation: OperationObject): void {
  const body = operation.requestBody;
  if (!body || isReference(body)) return;
  const seen = new Set<string>();
  const close = (schema: SchemaObject | ReferenceObject | undefined): void => {
    if (!schema) return;
    if (isReference(schema)) {
      const name = schema.$ref.split('/').at(-1) ?? '';
      if (seen.has(name)) return;
      seen.add(name);
      close(document.components?.schemas?.[name]);
      return;
    }
    if (schema.type === 'object' || schema.properties) {
      schema.additionalProperties ??= false;
      for (const property of Object.values(schema.properties ?? {})) close(property);
    }
    if (schema.items) close(schema.items);
    for (const part of [
      ...(schema.allOf ?? []),
      ...(schema.anyOf ?? []),
      ...(schema.oneOf ?? []),
    ]) {
      close(part);
    }
  };
  for (const media of Object.values(body.content)) close(media.schema);
}

/**
 * Completes a service's document with what every route answers: problem details
 * (`application/problem+json`) for each documented error, and the statuses any route of its kind
 * can give — `401` when it needs a token, `400` when it takes input, `413`/`415` with a body,
 * `429` (the gateway's limits) and `503` everywhere.
 */
export function withStandardAnswers(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[PROBLEM_SCHEMA_NAME] = PROBLEM_SCHEMA;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      markSecurity(operation);
      closeRequestSchemas(document, operation);
      const responses = operation.responses as Record<string, ResponseObject | ReferenceObject>;
      for (const [code, response] of Object.entries(responses)) {
        const status = Number(code);
        if (status >= 400 && !isReference(response) && !response.content) {
          responses[code] = problemResponse(status, response.description);
        }
      }
      for (const status of standardStatuses(path, operation)) {
        responses[String(status)] ??= problemResponse(status, STANDARD_DESCRIPTIONS[status]);
      }
    }
  }
  return document;
}
