import fc from 'fast-check';
import type { FieldSlot, Mutation } from './field-mutations';
import { fieldSlots, mutationsFor } from './field-mutations';
import type { IdPool } from './id-pool';
import type { FieldSchema } from './json-schema';
import { MALFORMED_JSON, NON_OBJECT_JSON, nestedJson } from './odd-values';
import type { Operation } from './openapi-operations';
import { validValue } from './schema-values';

/** A request body to send, and what the contract says the answer must be. */
export interface BodyPlan {
  label: string;
  payload: Buffer;
  mustReject: boolean;
  /** The field a 400 must name. */
  faultPath?: string;
  /** The same body without the fault: tells whether the rest of it is at fault too. */
  baseline?: Buffer;
}

const RAW_MARKER = '\u0001fuzz-raw\u0001';
const ONE_MIB = 1024 * 1024;
const UNKNOWN_FIELDS = ['zzUnknown', 'role', 'isAdmin', 'organizerId', 'id', 'status', 'userId'];
// Built once: every route gets the same large bodies.
const OVERSIZED = Buffer.from(JSON.stringify({ padding: 'x'.repeat(ONE_MIB + 16) }));
const VERY_DEEP = Buffer.from(nestedJson(100_000));

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** A copy of `body` with `value` at `path`, creating the objects and arrays on the way. */
function setAt(body: unknown, path: string[], value: unknown): unknown {
  const root: unknown = typeof body === 'object' && body !== null ? clone(body) : {};
  let container = root as Record<string, unknown>;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      container[key] = value;
      return;
    }
    const next = container[key];
    if (typeof next !== 'object' || next === null) {
      container[key] = /^\d+$/.test(path[index + 1]) ? [] : {};
    }
    container = container[key] as Record<string, unknown>;
  });
  return root;
}

function jsonPayload(body: unknown, raw?: string): Buffer {
  const json = JSON.stringify(body);
  const text = raw === undefined ? json : json.split(JSON.stringify(RAW_MARKER)).join(raw);
  return Buffer.from(text, 'utf8');
}

function mutatedBody(body: unknown, slot: FieldSlot, mutation: Mutation): BodyPlan {
  const value = mutation.raw === undefined ? mutation.value : RAW_MARKER;
  const path = slot.path.join('.');
  return {
    label: `body ${path}: ${mutation.label}`,
    payload: jsonPayload(setAt(body, slot.path, value), mutation.raw),
    mustReject: mutation.mustReject,
    faultPath: mutation.namesField ? path : undefined,
    baseline: jsonPayload(body),
  };
}

function plan(label: string, text: string | Buffer, mustReject: boolean): BodyPlan {
  return { label, payload: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), mustReject };
}

/** Bodies that are wrong as a whole: not JSON, not an object, too deep, too big, too null. */
function wholeBodyPlans(schema: FieldSchema | undefined): BodyPlan[] {
  const wantsObject = schema?.kind === 'object';
  const required = (schema?.required ?? []).length > 0;
  const properties = Object.entries(schema?.properties ?? {});
  const allNull = Object.fromEntries(properties.map(([name]) => [name, null]));
  const nullable = properties.every(([, property]) => property.nullable);
  return [
    ...MALFORMED_JSON.map((text) => plan(`malformed JSON ${JSON.stringify(text)}`, text, true)),
    ...NON_OBJECT_JSON.map((text) => plan(`JSON ${text} as the body`, text, wantsObject)),
    plan('JSON objects nested 40 deep', nestedJson(40, 'object'), true),
    plan('JSON arrays nested 100,000 deep', VERY_DEEP, true),
    plan('an empty body', '', required),
    plan('every field null', JSON.stringify(allNull), properties.length > 0 && !nullable),
    plan('a body over 1 MiB', OVERSIZED, true),
    plan('a UTF-8 byte order mark before the JSON', '\ufeff{}', false),
    plan(
      'invalid UTF-8 inside a string',
      Buffer.concat([
        Buffer.from('{"x":"'),
        Buffer.from([0xff, 0xfe, 0xc0, 0xaf]),
        Buffer.from('"}'),
      ]),
      wantsObject,
    ),
    plan('a __proto__ key', '{"__proto__":{"isAdmin":true}}', wantsObject),
    plan(
      'a constructor.prototype key',
      '{"constructor":{"prototype":{"isAdmin":true}}}',
      wantsObject,
    ),
  ];
}

function unknownFieldPlans(
  schema: FieldSchema,
  body: fc.Arbitrary<unknown>,
): fc.Arbitrary<BodyPlan> {
  const objects: FieldSlot[] = [
    { path: [], schema },
    ...fieldSlots(schema).filter((slot) => slot.schema.kind === 'object'),
  ];
  return fc
    .tuple(body, fc.constantFrom(...objects), fc.constantFrom(...UNKNOWN_FIELDS))
    .map(([base, slot, field]) => {
      const name = field in (slot.schema.properties ?? {}) ? `${field}Zz` : field;
      const path = [...slot.path, name];
      return {
        label: `body unknown field ${path.join('.')}`,
        payload: jsonPayload(setAt(base, path, 'x')),
        mustReject: true,
        faultPath: path.join('.'),
        baseline: jsonPayload(base),
      };
    });
}

/** Bodies for a route whose body the document does not describe, from every field it knows. */
function genericBodies(knownFields: Map<string, FieldSchema>, ids: IdPool): fc.Arbitrary<BodyPlan> {
  const fields = [...knownFields.entries()];
  const known =
    fields.length === 0
      ? fc.constant({})
      : fc
          .subarray(fields, { minLength: 1, maxLength: 4 })
          .chain((chosen) =>
            fc.record(
              Object.fromEntries(
                chosen.map(([name, schema]) => [name, validValue(schema, name, ids)]),
              ),
            ),
          );
  return fc
    .oneof(
      known,
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    )
    .map((body) => ({ label: 'generic body', payload: jsonPayload(body), mustReject: false }));
}

/** Valid-looking bodies for the operation, and bodies with one thing wrong. */
export function bodyArbitraries(
  operation: Operation,
  knownFields: Map<string, FieldSchema>,
  ids: IdPool,
): { valid: fc.Arbitrary<BodyPlan>; mutated: fc.Arbitrary<BodyPlan> } {
  const schema = operation.body;
  const whole = fc.constantFrom(...wholeBodyPlans(schema));
  if (!schema || schema.kind !== 'object') {
    const generic = genericBodies(knownFields, ids);
    return { valid: generic, mutated: fc.oneof(generic, whole) };
  }
  const body = validValue({ ...schema, nullable: false }, 'body', ids);
  const valid = body.map((value) => ({
    label: 'valid-looking body',
    payload: jsonPayload(value),
    mustReject: false,
  }));
  const slots = fieldSlots(schema);
  const field =
    slots.length === 0
      ? whole
      : fc
          .constantFrom(...slots)
          .chain((slot) => fc.tuple(body, fc.constant(slot), mutationsFor(slot, ids)))
          .map(([base, slot, mutation]) => mutatedBody(base, slot, mutation));
  return {
    valid,
    mutated: fc.oneof(
      { arbitrary: field, weight: 6 },
      { arbitrary: unknownFieldPlans(schema, body), weight: 1 },
      { arbitrary: whole, weight: 2 },
    ),
  };
}
