import fc from 'fast-check';
import type { IdPool } from './id-pool';
import type { FieldSchema } from './json-schema';
import {
  INVALID_CURSORS,
  KIND_DEPENDENT_CURSORS,
  INVALID_INSTANTS,
  INVALID_UUIDS,
  NAN_ISH,
  ODD_VALID_INSTANTS,
  UNUSUAL_TEXT,
} from './odd-values';
import type { Operation, Parameter } from './openapi-operations';
import { inOrder, validValue } from './schema-values';

/** A query string (without `?`) and what the contract says the answer must be. */
export interface QueryPlan {
  label: string;
  query: string;
  mustReject: boolean;
  /** The parameter a 400 must name. */
  faultPath?: string;
  /** The same query with that parameter valid: tells whether the rest is at fault too. */
  baseline?: string;
}

interface ParamValue {
  label: string;
  /** Already percent-encoded (or deliberately not). */
  raw: string;
  mustReject: boolean;
  namesField: boolean;
}

const COORDINATE_PAIR = /^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/;

const isCursor = (param: Parameter) =>
  /cursor/i.test(`${param.name} ${param.schema.description ?? ''}`);
const isCoordinatePair = (schema: FieldSchema) =>
  typeof schema.example === 'string' && COORDINATE_PAIR.test(schema.example);

/** A parameter whose every value outside its form is wrong (not free text). */
function isStrict(param: Parameter): boolean {
  const { schema } = param;
  return (
    isCursor(param) ||
    isCoordinatePair(schema) ||
    schema.enum !== undefined ||
    schema.kind === 'number' ||
    schema.kind === 'boolean' ||
    ['uuid', 'date', 'date-time'].includes(schema.format ?? '')
  );
}

const encodeQueryValue = (value: unknown) =>
  encodeURIComponent(Array.isArray(value) ? value.join(',') : String(value));

function validParam(param: Parameter, ids: IdPool): fc.Arbitrary<string> {
  return validValue({ ...param.schema, nullable: false }, param.name, ids).map(encodeQueryValue);
}

const wrong = (label: string, raw: string): ParamValue => ({
  label,
  raw,
  mustReject: true,
  namesField: true,
});
const odd = (label: string, raw: string, mustReject = false): ParamValue => ({
  label,
  raw,
  mustReject,
  namesField: mustReject,
});

function paramMutations(param: Parameter): ParamValue[] {
  const { schema } = param;
  const strict = isStrict(param);
  const encode = encodeURIComponent;
  const values: ParamValue[] = [
    wrong('NUL %00', 'x%00y'),
    odd('an unpaired surrogate as CESU-8 %ED%A0%80', '%ED%A0%80', strict),
    odd('truncated UTF-8 %F0%9F', '%F0%9F', strict),
    { ...odd('malformed escape %zz', '%zz', strict), namesField: false },
    { ...odd('malformed escape %E0%A4%A', '%E0%A4%A', strict), namesField: false },
    { ...odd('a lone %', '%', strict), namesField: false },
    odd('5,000 characters', 'x'.repeat(5000), strict || schema.maxLength !== undefined),
    odd('empty', ''),
    ...UNUSUAL_TEXT.map((text) =>
      odd(`unusual text ${JSON.stringify(text)}`, encode(text), strict),
    ),
  ];
  if (schema.kind === 'number') {
    values.push(
      wrong('abc', 'abc'),
      ...NAN_ISH.map((text) => wrong(`NaN-ish ${text}`, encode(text))),
    );
    values.push(odd('1.5', '1.5'), odd('-0', '-0'));
    if (schema.minimum !== undefined) values.push(wrong('minimum-1', String(schema.minimum - 1)));
    if (schema.maximum !== undefined) values.push(wrong('maximum+1', String(schema.maximum + 1)));
  }
  if (schema.enum) values.push(wrong('outside the enum', 'nope'));
  if (schema.format === 'uuid') {
    values.push(...INVALID_UUIDS.map((id) => wrong(`id ${id.slice(0, 40)}`, encode(id))));
  }
  if (schema.format === 'date-time') {
    values.push(...INVALID_INSTANTS.map((at) => wrong(`instant ${at}`, encode(at))));
    values.push(...ODD_VALID_INSTANTS.map((at) => odd(`legal instant ${at}`, encode(at))));
  }
  if (isCursor(param)) {
    const label = (cursor: string) => `cursor ${cursor.slice(0, 60)}`;
    values.push(...INVALID_CURSORS.map((cursor) => wrong(label(cursor), cursor)));
    values.push(...KIND_DEPENDENT_CURSORS.map((cursor) => odd(label(cursor), cursor)));
  }
  if (isCoordinatePair(schema)) {
    for (const pair of ['91,0', '0,181', 'NaN,NaN', '1,2,3', '1e999,0', ',', 'abc']) {
      values.push(wrong(`coordinates ${pair}`, encode(pair)));
    }
  }
  return values;
}

/** Spellings of one parameter that are not `name=value` once. */
function oddForms(param: Parameter, value: string): { label: string; query: string }[] {
  const { name } = param;
  return [
    { label: `${name}[]=`, query: `${name}[]=${value}` },
    { label: `${name}[a]=`, query: `${name}[a]=${value}` },
    { label: `${name} twice`, query: `${name}=${value}&${name}=${value}` },
    { label: `${name} without =`, query: name },
    {
      label: `${name} with an encoded name`,
      query: `${encodeURIComponent(name).replace(/^./, (c) => `%${c.charCodeAt(0).toString(16)}`)}=${value}`,
    },
  ];
}

function validParts(params: Parameter[], ids: IdPool, except?: string): fc.Arbitrary<string[]> {
  const chosen = params.filter((param) => param.name !== except && !isCursor(param));
  const values = chosen.map((param) => {
    const value = validValue({ ...param.schema, nullable: false }, param.name, ids);
    return param.required ? value : fc.option(value, { nil: undefined, freq: 2 });
  });
  return fc.tuple(...values).map((drawn) => {
    const properties = Object.fromEntries(chosen.map((param) => [param.name, param.schema]));
    const byName = inOrder(
      properties,
      Object.fromEntries(chosen.map((param, i) => [param.name, drawn[i]])),
    );
    return chosen
      .filter((param) => byName[param.name] !== undefined)
      .map((param) => `${param.name}=${encodeQueryValue(byName[param.name])}`);
  });
}

/** Valid query strings for the operation, and query strings with one parameter wrong. */
export function queryArbitraries(
  operation: Operation,
  ids: IdPool,
): { valid: fc.Arbitrary<string>; mutated: fc.Arbitrary<QueryPlan> | undefined } {
  const params = operation.queryParams;
  const valid = validParts(params, ids).map((parts) => parts.join('&'));
  if (params.length === 0) return { valid, mutated: undefined };
  const one = fc.constantFrom(...params).chain((param) =>
    fc.tuple(
      fc.constant(param),
      validParts(params, ids, param.name),
      isCursor(param) ? fc.constant(undefined) : validParam(param, ids),
      fc.oneof(
        { arbitrary: fc.constantFrom(...paramMutations(param)), weight: 4 },
        {
          arbitrary: validParam(param, ids).chain((value) =>
            fc.constantFrom(...oddForms(param, value)),
          ),
          weight: 1,
        },
      ),
    ),
  );
  const mutated = one.map(([param, others, valid, change]): QueryPlan => {
    if ('query' in change) {
      return {
        label: `query ${change.label}`,
        query: [...others, change.query].join('&'),
        mustReject: false,
      };
    }
    return {
      label: `query ${param.name}: ${change.label}`,
      query: [...others, `${param.name}=${change.raw}`].join('&'),
      mustReject: change.mustReject,
      faultPath: change.namesField ? param.name : undefined,
      baseline: [...others, ...(valid === undefined ? [] : [`${param.name}=${valid}`])].join('&'),
    };
  });
  const unknown = valid.map((query) => ({
    label: 'query unknown parameter',
    query: [query, 'zzUnknown=1'].filter(Boolean).join('&'),
    mustReject: false,
  }));
  return {
    valid,
    mutated: fc.oneof({ arbitrary: mutated, weight: 8 }, { arbitrary: unknown, weight: 1 }),
  };
}
