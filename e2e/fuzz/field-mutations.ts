import fc from 'fast-check';
import type { IdPool } from './id-pool';
import type { FieldSchema } from './json-schema';
import {
  INVALID_DATES,
  INVALID_INSTANTS,
  INVALID_UUIDS,
  NAN_ISH,
  ODD_VALID_INSTANTS,
  UNUSUAL_TEXT,
  nestedJson,
} from './odd-values';
import { validValue } from './schema-values';

/** One field of a request body, addressed by its path (`location.lat`, `tags.0`). */
export interface FieldSlot {
  path: string[];
  schema: FieldSchema;
}

/** What to put in one field instead of a valid value, and what the contract says of it. */
export interface Mutation {
  label: string;
  value?: unknown;
  /** JSON text put there verbatim instead of `value` (numbers JSON.stringify cannot write). */
  raw?: string;
  /** The contract makes it a 4xx: a 2xx answer is a violation. */
  mustReject: boolean;
  /** A 400 for it must name the field in `errors`. */
  namesField: boolean;
}

const MAX_DEPTH = 4;

/** Every field a body of this schema can hold, nested objects and array items included. */
export function fieldSlots(schema: FieldSchema, prefix: string[] = []): FieldSlot[] {
  if (schema.kind !== 'object' || prefix.length > MAX_DEPTH) return [];
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = [...prefix, name];
    const item = property.kind === 'array' ? property.items : undefined;
    return [
      { path, schema: property },
      ...fieldSlots(property, path),
      ...(item
        ? [{ path: [...path, '0'], schema: item }, ...fieldSlots(item, [...path, '0'])]
        : []),
    ];
  });
}

const invalid = (label: string, value: unknown): Mutation => ({
  label,
  value,
  mustReject: true,
  namesField: true,
});
const odd = (label: string, value: unknown): Mutation => ({
  label,
  value,
  mustReject: false,
  namesField: false,
});

const WRONG_TYPES: Record<FieldSchema['kind'], unknown[]> = {
  string: [42, true, {}, [], ['x']],
  number: ['12', true, {}, [], ...NAN_ISH],
  boolean: ['true', 1, 0, 'yes', []],
  array: ['x', {}, 1],
  object: ['x', [], 1],
  free: [],
};

function hasStrictForm(schema: FieldSchema): boolean {
  return schema.enum !== undefined || ['uuid', 'date', 'date-time'].includes(schema.format ?? '');
}

function insertAt(text: string, position: number, inserted: string): string {
  const at = Math.min(position, text.length);
  return `${text.slice(0, at)}${inserted}${text.slice(at)}`;
}

function stringMutations(schema: FieldSchema, name: string, ids: IdPool): fc.Arbitrary<Mutation> {
  const base = validValue({ ...schema, nullable: false }, name, ids).map(String);
  const strict = hasStrictForm(schema);
  const bounded = strict || schema.maxLength !== undefined;
  const fixed: Mutation[] = [
    {
      ...invalid('100,000 characters', 'x'.repeat(100_000)),
      mustReject: bounded,
      namesField: bounded,
    },
    ...UNUSUAL_TEXT.map((text) => ({
      ...odd(`unusual text ${JSON.stringify(text)}`, text),
      mustReject: strict,
      namesField: strict,
    })),
  ];
  if (schema.maxLength !== undefined) {
    fixed.push(invalid(`maxLength+1 (${schema.maxLength + 1})`, 'x'.repeat(schema.maxLength + 1)));
  }
  if ((schema.minLength ?? 0) >= 1) {
    fixed.push(invalid(`minLength-1`, 'x'.repeat((schema.minLength ?? 1) - 1)));
  }
  if (schema.enum) fixed.push(invalid('a value outside the enum', 'not-in-enum'));
  if (schema.format === 'uuid')
    fixed.push(...INVALID_UUIDS.map((id) => invalid(`id ${id.slice(0, 40)}`, id)));
  if (schema.format === 'date-time') {
    fixed.push(...INVALID_INSTANTS.map((at) => invalid(`instant ${at}`, at)));
    fixed.push(...ODD_VALID_INSTANTS.map((at) => odd(`legal instant ${at}`, at)));
  }
  if (schema.format === 'date')
    fixed.push(...INVALID_DATES.map((day) => invalid(`date ${day}`, day)));
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(base, fc.nat({ max: 30 }), fc.constantFrom('\u0000', '\ud800', '\udc00', '\ud83d'))
        .map(([text, at, bad]) =>
          invalid(
            bad === '\u0000'
              ? 'NUL inside'
              : `unpaired surrogate \\u${bad.charCodeAt(0).toString(16)}`,
            insertAt(text, at, bad),
          ),
        ),
    },
    { weight: 4, arbitrary: fc.constantFrom(...fixed) },
  );
}

function numberMutations(schema: FieldSchema): Mutation[] {
  const mutations: Mutation[] = [
    { ...invalid('1e999 (Infinity)', undefined), raw: '1e999' },
    { ...odd('-0', undefined), raw: '-0' },
    odd('1.5', 1.5),
  ];
  if (schema.minimum !== undefined) {
    mutations.push(invalid(`minimum-1 (${schema.minimum - 1})`, schema.minimum - 1));
    mutations.push(invalid('-1e308', -1e308));
  }
  if (schema.maximum !== undefined) {
    mutations.push(invalid(`maximum+1 (${schema.maximum + 1})`, schema.maximum + 1));
    mutations.push(invalid('1e308', 1e308));
    mutations.push(invalid('2^53+2', 2 ** 53 + 2));
  }
  return mutations;
}

function arrayMutations(schema: FieldSchema): Mutation[] {
  const mutations: Mutation[] = [invalid('an array of arrays', [['x']])];
  if (schema.maxItems !== undefined) {
    const tooMany = Array.from({ length: schema.maxItems + 1 }, (_, i) => `item${i}`);
    const many = Array.from({ length: 10_000 }, (_, i) => `item${i}`);
    mutations.push(invalid(`maxItems+1 (${schema.maxItems + 1}) items`, tooMany));
    mutations.push(invalid('10,000 items', many));
  }
  if ((schema.minItems ?? 0) >= 1) mutations.push(invalid('an empty array', []));
  return mutations;
}

/** The mutations that fit one field: the defect classes, sized to its own bounds. */
export function mutationsFor(slot: FieldSlot, ids: IdPool): fc.Arbitrary<Mutation> {
  const { schema } = slot;
  const name = slot.path.at(-1) ?? '';
  const common: Mutation[] = [
    schema.nullable || schema.kind === 'free' ? odd('null', null) : invalid('null', null),
    ...WRONG_TYPES[schema.kind].map((value) =>
      invalid(`wrong type ${JSON.stringify(value)}`, value),
    ),
    { ...invalid('JSON nested 5,000 deep', undefined), raw: nestedJson(5000), namesField: false },
    {
      ...invalid('JSON nested 40 deep', undefined),
      raw: nestedJson(40, 'object'),
      namesField: false,
    },
  ];
  if (schema.kind === 'number') common.push(...numberMutations(schema));
  if (schema.kind === 'array') common.push(...arrayMutations(schema));
  if (schema.kind === 'object' && (schema.required ?? []).length > 0) {
    common.push(invalid('an empty object', {}));
  }
  const general = fc.constantFrom(...common);
  return schema.kind === 'string'
    ? fc.oneof(
        { arbitrary: stringMutations(schema, name, ids), weight: 3 },
        { arbitrary: general, weight: 2 },
      )
    : general;
}
