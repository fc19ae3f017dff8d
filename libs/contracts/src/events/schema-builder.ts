import type { Static, TObject, TProperties, TSchema, TUnsafe } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';

/**
 * The pieces every event's `data` schema is built from. Each piece is a JSON Schema (draft
 * 2020-12 subset understood by ajv) that also carries its TypeScript type, so an event's type
 * is derived from the schema that is published, never written beside it.
 */

/** A JSON Schema as published (AsyncAPI, the compatibility snapshot). */
export type JsonSchema = Readonly<Record<string, unknown>>;

export const Uuid = () => Type.String({ format: 'uuid' });
export const DateTime = () => Type.String({ format: 'date-time' });
export const Null = () => Type.Null();

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** One of a list of strings, published as `{ enum }` (the form the snapshot and clients use). */
export const OneOf = <const T extends readonly string[]>(values: T): TUnsafe<T[number]> =>
  Type.Unsafe<T[number]>({ enum: [...values] });

/** Exactly two of `item`, e.g. the two people of a match. */
export const Pair = <T extends TSchema>(item: T): TUnsafe<[Static<T>, Static<T>]> =>
  Type.Unsafe<[Static<T>, Static<T>]>({ type: 'array', items: item, minItems: 2, maxItems: 2 });

/** An object that refuses fields it does not name: a new field is a new `schemaVersion`. */
export const Closed = <T extends TProperties>(properties: T): TObject<T> =>
  Type.Object(properties, { additionalProperties: false });

/** The same schema for each of `keys`, closed, e.g. the compatibility factors. */
export const Keyed = <const K extends readonly string[], T extends TSchema>(
  keys: K,
  schema: T,
): TObject<Record<K[number], T>> =>
  Closed(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K[number], T>);

export { Type };
export type { Static };

/** One published event: the version of its `data` schema and the schema itself. */
export interface EventDefinition<T extends TSchema = TSchema> {
  schemaVersion: number;
  data: T;
}

export const defineEvent = <T extends TSchema>(schemaVersion: number, data: T) =>
  ({ schemaVersion, data }) satisfies EventDefinition<T>;
