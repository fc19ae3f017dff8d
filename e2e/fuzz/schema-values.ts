import fc from 'fast-check';
import type { IdPool } from './id-pool';
import type { FieldSchema } from './json-schema';

const DAY_MS = 86_400_000;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

/** A future instant on a whole minute, as clients send them. */
export function futureInstant(): fc.Arbitrary<string> {
  const now = Math.ceil(Date.now() / 60_000) * 60_000;
  return fc
    .integer({ min: 1, max: 60 * 24 * 30 })
    .map((minutes) => new Date(now + DAY_MS + minutes * 60_000).toISOString());
}

function birthDate(): fc.Arbitrary<string> {
  return fc
    .integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2000, 0, 1) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));
}

function text(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const min = Math.max(minLength, 1);
  return fc.string({
    unit: fc.constantFrom(...LETTERS),
    minLength: min,
    maxLength: Math.max(min, maxLength),
  });
}

function email(): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...LETTERS), minLength: 6, maxLength: 12 })
    .map((local) => `fuzz-${local}@fuzz.rendezvous.test`);
}

function stringValue(schema: FieldSchema, name: string, ids: IdPool): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  if (schema.format === 'uuid') return ids.idFor(name);
  if (schema.format === 'date-time') return futureInstant();
  if (schema.format === 'date') return birthDate();
  if (schema.format === 'email' || /email/i.test(name)) return email();
  // An example shows a form the schema cannot state (`near=48.8566,2.3522`): trust it.
  if (typeof schema.example === 'string') return fc.constant(schema.example);
  return text(schema.minLength ?? 1, Math.min(schema.maxLength ?? 24, 24));
}

function numberValue(schema: FieldSchema): fc.Arbitrary<number> {
  if (schema.enum) return fc.constantFrom(...schema.enum.map(Number));
  const min = Math.ceil(schema.minimum ?? 0);
  const max = Math.floor(schema.maximum ?? Math.max(min, 0) + 1000);
  return fc.integer({ min, max: Math.max(min, max) });
}

/**
 * Puts related values of one object in order, so the valid-looking body is valid as a whole:
 * instants in the order the schema lists them (`startsAt` before `endsAt`), and `xMin` ≤ `xMax`.
 */
export function inOrder(
  properties: Record<string, FieldSchema>,
  value: Record<string, unknown>,
): Record<string, unknown> {
  const ordered = { ...value };
  const instants = Object.keys(properties).filter(
    (key) => properties[key].format === 'date-time' && typeof ordered[key] === 'string',
  );
  const sorted = instants.map((key) => String(ordered[key])).sort();
  instants.forEach((key, index) => (ordered[key] = sorted[index]));
  for (const key of Object.keys(properties).filter((name) => name.endsWith('Min'))) {
    const max = `${key.slice(0, -3)}Max`;
    const [low, high] = [ordered[key], ordered[max]];
    if (typeof low === 'number' && typeof high === 'number' && low > high) {
      [ordered[key], ordered[max]] = [high, low];
    }
  }
  return ordered;
}

/** A value the schema allows (as far as a schema can tell: cross-field rules aside). */
export function validValue(schema: FieldSchema, name: string, ids: IdPool): fc.Arbitrary<unknown> {
  const value = nonNullValue(schema, name, ids);
  return schema.nullable ? fc.oneof({ arbitrary: value, weight: 4 }, fc.constant(null)) : value;
}

function nonNullValue(schema: FieldSchema, name: string, ids: IdPool): fc.Arbitrary<unknown> {
  switch (schema.kind) {
    case 'string':
      return stringValue(schema, name, ids);
    case 'number':
      return numberValue(schema);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = schema.items ?? { kind: 'string' };
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      return fc.uniqueArray(validValue(item, name, ids), {
        minLength,
        maxLength,
        selector: (value) => JSON.stringify(value),
      });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, property]) => [key, validValue(property, key, ids)]),
      );
      const required = (schema.required ?? []).filter((key) => key in properties);
      return fc
        .record(model, { requiredKeys: required })
        .map((value) => inOrder(properties, value));
    }
    case 'free':
      return fc.constantFrom<unknown>('value', 1, true, {});
  }
}
