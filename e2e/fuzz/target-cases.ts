import fc from 'fast-check';
import type { IdPool } from './id-pool';
import { INVALID_UUIDS } from './odd-values';
import type { Operation, Parameter } from './openapi-operations';

/** A request-target to send (path and query, exactly as written) and what the answer must be. */
export interface TargetPlan {
  label: string;
  /** The path with its parameters filled in, as sent. */
  path: string;
  mustReject: boolean;
  /** The plain spelling of the same route, where the change is only an encoding of it. */
  plainPath?: string;
}

interface Segment {
  text: string;
  param?: Parameter;
  /** The static segment before a parameter: it says what kind of id goes there. */
  hint: string;
}

function segmentsOf(template: string): Segment[] {
  const parts = template.split('/').slice(1);
  return parts.map((part, index) => {
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    return {
      text: part,
      param: name ? { name, in: 'path', required: true, schema: { kind: 'string' } } : undefined,
      hint: `${parts[index - 1] ?? ''} ${name ?? ''}`,
    };
  });
}

const join = (segments: string[]) => `/${segments.join('/')}`;

/** The operation's path with real ids (most of them other people's) in its parameters. */
export function validPath(operation: Operation, ids: IdPool): fc.Arbitrary<string[]> {
  const segments = segmentsOf(operation.path);
  return fc.tuple(
    ...segments.map((segment) =>
      segment.param ? ids.idFor(segment.hint).map(encodeURIComponent) : fc.constant(segment.text),
    ),
  );
}

function percentEncode(text: string, lower = false): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
    .map((escape) => (lower ? escape : escape.toUpperCase()))
    .join('');
}

interface IdChange {
  label: string;
  value: (id: string) => string;
  mustReject: boolean;
}

const ID_CHANGES: IdChange[] = [
  ...INVALID_UUIDS.map((bad) => ({
    label: `id ${bad.slice(0, 40)}`,
    value: () => encodeURIComponent(bad),
    mustReject: true,
  })),
  ...['..', '%2e%2e', '%2F', '%00', '%zz', '%', '%E0%A4%A', '%20', '%C3%A9', 'a%2F..%2F..'].map(
    (bad) => ({ label: `id ${bad}`, value: () => bad, mustReject: true }),
  ),
  { label: 'id followed by %00', value: (id) => `${id}%00`, mustReject: true },
  { label: 'id followed by ;x=1', value: (id) => `${id};x=1`, mustReject: true },
  { label: 'empty id', value: () => '', mustReject: false },
  { label: 'id .', value: () => '.', mustReject: false },
  { label: 'id me', value: () => 'me', mustReject: false },
  { label: 'id in upper case', value: (id) => id.toUpperCase(), mustReject: false },
  {
    label: 'id percent-encoded',
    value: (id) => percentEncode(decodeURIComponent(id)),
    mustReject: false,
  },
];

/** The path with one parameter replaced by something that is not an id. */
export function mutatedIds(
  operation: Operation,
  ids: IdPool,
): fc.Arbitrary<TargetPlan> | undefined {
  const positions = segmentsOf(operation.path)
    .map((segment, index) => (segment.param ? index : -1))
    .filter((index) => index >= 0);
  if (positions.length === 0) return undefined;
  return fc
    .tuple(validPath(operation, ids), fc.constantFrom(...positions), fc.constantFrom(...ID_CHANGES))
    .map(([segments, position, change]) => {
      const changed = [...segments];
      changed[position] = change.value(segments[position]);
      return { label: `path ${change.label}`, path: join(changed), mustReject: change.mustReject };
    });
}

interface PathChange {
  label: string;
  /** The segments with the change applied at `index` (a static segment). */
  apply: (segments: string[], index: number) => string;
  mustReject: boolean;
  /** Only spells the same route differently: it must answer as the plain spelling does. */
  sameRoute?: boolean;
}

const at = (segments: string[], index: number, text: string) =>
  join(segments.map((segment, i) => (i === index ? text : segment)));
const before = (segments: string[], index: number, prefix: string) =>
  `/${segments.slice(0, index).join('/')}${index > 0 ? '/' : ''}${prefix}${segments.slice(index).join('/')}`;

const PATH_CHANGES: PathChange[] = [
  {
    label: 'one character percent-encoded',
    apply: (s, i) => at(s, i, `${percentEncode(s[i].slice(0, 1))}${s[i].slice(1)}`),
    mustReject: false,
    sameRoute: true,
  },
  {
    label: 'a segment percent-encoded in lower-case hex',
    apply: (s, i) => at(s, i, percentEncode(s[i], true)),
    mustReject: false,
    sameRoute: true,
  },
  {
    label: 'one character double-encoded',
    apply: (s, i) => at(s, i, `%25${percentEncode(s[i].slice(0, 1)).slice(1)}${s[i].slice(1)}`),
    mustReject: false,
  },
  ...['%zz', '%E0%A4%A', '%', '%G1', '%C0%AF', '%00'].map((bad) => ({
    label: `${bad} inside a segment`,
    apply: (s: string[], i: number) => at(s, i, `${s[i]}${bad}`),
    mustReject: true,
  })),
  { label: 'a x/.. detour', apply: (s, i) => before(s, i, 'x/../'), mustReject: true },
  { label: 'a x/%2e%2e detour', apply: (s, i) => before(s, i, 'x/%2e%2e/'), mustReject: true },
  { label: 'a x/.%2E detour', apply: (s, i) => before(s, i, 'x/.%2E/'), mustReject: true },
  {
    label: 'an encoded slash %2F',
    apply: (s, i) => `${i > 0 ? join(s.slice(0, i)) : '/'}%2F${s.slice(i).join('/')}`,
    mustReject: true,
  },
  { label: 'a double slash', apply: (s, i) => before(s, i, '/'), mustReject: false },
  { label: 'a ./ segment', apply: (s, i) => before(s, i, './'), mustReject: false },
  { label: 'a trailing slash', apply: (s) => `${join(s)}/`, mustReject: false },
  {
    label: 'a segment in upper case',
    apply: (s, i) => at(s, i, s[i].toUpperCase()),
    mustReject: false,
  },
  {
    label: 'a backslash for a slash',
    apply: (s) => join(s).replace(/\/(?=[^/]*$)/, '\\'),
    mustReject: false,
  },
  {
    label: 'a 10,000-character extra segment',
    apply: (s) => `${join(s)}/${'a'.repeat(10_000)}`,
    mustReject: true,
  },
  {
    label: 'a 100,000-character segment',
    apply: (s, i) => at(s, i, 'a'.repeat(100_000)),
    mustReject: true,
  },
  { label: 'a ;matrix parameter', apply: (s, i) => at(s, i, `${s[i]};x=1`), mustReject: false },
  { label: 'a fragment', apply: (s) => `${join(s)}#frag`, mustReject: false },
  { label: 'absolute form', apply: (s) => `http://127.0.0.1:3000${join(s)}`, mustReject: false },
  { label: 'raw UTF-8', apply: (s, i) => at(s, i, `${s[i]}é`), mustReject: false },
];

/** Query strings no parameter list foresees. */
const ODD_QUERIES = [
  '?',
  '??',
  '?&&',
  '?=',
  '?=&=',
  '?%zz',
  '?a=%zz',
  '?a=%',
  '?%00=%00',
  '?a[b][c][d][e][f][g][h][i][j]=1',
  '?__proto__[x]=1',
  '?constructor[prototype][x]=1',
  `?${'a=1&'.repeat(1000)}`,
  '?limit=1;limit=2',
  `?q=${'a'.repeat(12_000)}`,
];

/** The operation's own path spelled oddly: encoded, malformed, with detours, too long. */
export function mutatedPaths(operation: Operation, ids: IdPool): fc.Arbitrary<TargetPlan> {
  const segments = segmentsOf(operation.path);
  const fixed = segments
    .map((segment, index) => (segment.param ? -1 : index))
    .filter((i) => i >= 0);
  const spelled = fc
    .tuple(validPath(operation, ids), fc.constantFrom(...fixed), fc.constantFrom(...PATH_CHANGES))
    .map(([path, index, change]) => ({
      label: `url ${change.label}`,
      path: change.apply(path, index),
      mustReject: change.mustReject,
      plainPath: change.sameRoute ? join(path) : undefined,
    }));
  const queried = fc
    .tuple(validPath(operation, ids), fc.constantFrom(...ODD_QUERIES))
    .map(([path, query]) => ({
      label: `url odd query ${query.slice(0, 40)}`,
      path: `${join(path)}${query}`,
      mustReject: false,
    }));
  return fc.oneof({ arbitrary: spelled, weight: 3 }, { arbitrary: queried, weight: 1 });
}

export { join as pathOf };
