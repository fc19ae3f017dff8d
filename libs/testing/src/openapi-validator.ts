import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

/** What the validator needs of a response; `TestResponse` from `apiRequests` fits. */
export interface ResponseToCheck {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The raw body; empty when there is none. */
  text: string;
}

/**
 * Why a response does not conform to the operation's documented answer for its status: every
 * problem found, none when it conforms.
 */
export type ResponseValidator = (
  method: string,
  pathTemplate: string,
  response: ResponseToCheck,
) => string[];

export interface ResponseValidatorOptions {
  /**
   * Treat object schemas that list properties and leave `additionalProperties` unsaid as closed,
   * so a returned field the document does not list fails. Documents keep responses open (a new
   * field does not break clients); tests close them to catch fields left undocumented.
   */
  closed?: boolean;
  /** Component schemas left open even so; by default the problem, which may carry extensions. */
  open?: string[];
}

const DOCUMENT_ID = 'openapi.json';

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * OpenAPI 3.0 schema → JSON Schema: `nullable` becomes a `null` type, 3.0's boolean exclusive
 * bounds become numbers, and refs point into the registered document.
 */
function toJsonSchema(value: unknown, closed: boolean): unknown {
  if (Array.isArray(value)) return value.map((inner) => toJsonSchema(inner, closed));
  if (!isObject(value)) return value;
  const schema: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/')) {
      schema.$ref = `${DOCUMENT_ID}${inner}`;
    } else if (key !== 'nullable' && key !== 'example') {
      schema[key] = toJsonSchema(inner, closed);
    }
  }
  if (closed && isObject(schema.properties) && !('additionalProperties' in schema)) {
    schema.additionalProperties = false;
  }
  for (const bound of ['Minimum', 'Maximum'] as const) {
    const exclusive = `exclusive${bound}`;
    const limit = bound.toLowerCase();
    if (schema[exclusive] === true) {
      schema[exclusive] = schema[limit];
      delete schema[limit];
    } else if (schema[exclusive] === false) {
      delete schema[exclusive];
    }
  }
  if (value.nullable !== true) return schema;
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum)) schema.enum = [...(schema.enum as unknown[]), null];
    return schema;
  }
  return { anyOf: [schema, { type: 'null' }] };
}

function mediaType(headers: ResponseToCheck['headers']): string | null {
  const value = headers['content-type'];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined ? null : String(text).split(';')[0].trim().toLowerCase();
}

/**
 * Checks real responses against an OpenAPI 3.0 document: the status is documented for the
 * operation, the content type is one it documents (or there is no body when it documents none),
 * and the body validates against that content's schema.
 */
export function openApiResponseValidator(
  document: object,
  { closed = false, open = ['Problem'] }: ResponseValidatorOptions = {},
): ResponseValidator {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const converted = toJsonSchema(document, closed) as { components?: { schemas?: Json } };
  const schemas = (document as typeof converted).components?.schemas ?? {};
  for (const name of open) {
    if (converted.components?.schemas && name in schemas) {
      converted.components.schemas[name] = toJsonSchema(schemas[name], false);
    }
  }
  ajv.addSchema({ ...converted, $id: DOCUMENT_ID });
  const compiled = new Map<string, ValidateFunction>();
  const paths = (document as { paths?: Json }).paths ?? {};

  return (method, pathTemplate, response) => {
    const where = `${method.toUpperCase()} ${pathTemplate} → ${response.status}`;
    const item = paths[pathTemplate];
    const operation = isObject(item) ? item[method.toLowerCase()] : undefined;
    if (!isObject(operation)) return [`${where}: the operation is not documented`];
    const responses = isObject(operation.responses) ? operation.responses : {};
    const code = String(response.status);
    const documented = responses[code] ?? responses[`${code[0]}XX`] ?? responses.default;
    if (!isObject(documented)) return [`${where}: the status is not documented`];
    const content = isObject(documented.content) ? documented.content : null;
    if (!content) {
      return response.text === '' ? [] : [`${where}: a body where the document declares none`];
    }
    const type = mediaType(response.headers);
    const media = type === null ? undefined : content[type];
    if (!isObject(media)) {
      return [`${where}: content type ${type} is not one of ${Object.keys(content).join(', ')}`];
    }
    // Only JSON bodies are checked against their schema (text/calendar, text/plain are not).
    if (!isObject(media.schema) || !type?.endsWith('json')) return [];
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return [`${where}: the body is not JSON`];
    }
    const key = `${pathTemplate} ${method.toLowerCase()} ${code} ${type}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(media.schema, closed) as Json);
      compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${where}: ${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`,
    );
  };
}
