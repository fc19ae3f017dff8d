// The inputs an outside probe found the API mishandling, and their relatives. Each list says
// whether the contract (API.md, Conventions) makes every value in it a 400.

/** Instants outside the accepted form (RFC 3339 with a zone, seconds 00–59, years 0001–9999). */
export const INVALID_INSTANTS = [
  '2027-W01-1',
  '2027-01-01',
  '2027-01-01T10:00:00',
  '2027-01-01T10:00',
  '2027-01-01T10:00Z',
  '9999-12-31T23:59:59-23:59',
  '9999-12-31T23:00:00-01:00',
  '0001-01-01T00:00:00+00:01',
  '0000-01-01T00:00:00Z',
  '2027-01-01T10:00:60Z',
  '2027-02-30T10:00:00Z',
  '2027-01-01T24:00:00Z',
  '2027-01-01T10:00:00+24:00',
  '+012027-01-01T10:00:00Z',
  '2027-001T10:00:00Z',
  '20270101T100000Z',
  'now',
  '1800000000',
];

/** Odd spellings the contract still accepts: they must not break anything either. */
export const ODD_VALID_INSTANTS = [
  '2027-01-01T10:00:00+14:00',
  '2027-01-01T10:00:00.5Z',
  '2027-01-01T10:00:00.123456Z',
  '2027-06-30T23:59:59-12:00',
];

export const INVALID_DATES = [
  '1990-02-30',
  '1990-13-01',
  '0000-01-01',
  '1990-W01-1',
  '+001990-01-01',
  '19900101',
  '1990-1-1',
  '1990-01-01T00:00:00',
];

/** Strings that a lenient number parser might take for a number. */
export const NAN_ISH = ['NaN', 'Infinity', '-Infinity', '1e999', '0x10', '1_000', '5abc', '٣'];

export const INVALID_UUIDS = [
  'not-a-uuid',
  '0',
  '-1',
  'null',
  'undefined',
  '00000000-0000-0000-0000-00000000000g',
  '{00000000-0000-4000-8000-000000000000}',
  '00000000000040008000000000000000',
  'x'.repeat(5000),
];

/** The body text is not JSON at all. */
export const MALFORMED_JSON = [
  '{',
  '}',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '[1,2',
  '{"a":1}{"b":2}',
  'NaN',
  '{"a":NaN}',
  '{"a":undefined}',
  '{"a":"\\u00"}',
  '{"a":"\\x41"}',
  '/* comment */ {}',
  '\u0000',
  'undefined',
];

/** Parsable JSON bodies that are not the object a route expects. */
export const NON_OBJECT_JSON = ['null', '[]', '[{}]', '"text"', '42', 'true'];

/** `depth` levels of nested arrays, as text (building it as a value would overflow a stack). */
export function nestedJson(depth: number, kind: 'array' | 'object' = 'array'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Cursors no list ever handed out: base64url JSON of the wrong shape, and not base64url at all. */
export const INVALID_CURSORS = [
  ...[
    '[1,2]',
    '["x","y"]',
    '[null,{}]',
    '["2020-01-01T00:00:00Z","not-a-uuid"]',
    '["2020-01-01T00:00:00Z","00000000-0000-4000-8000-000000000000","extra"]',
    '{"1":2}',
    '{"0":"a","1":"b"}',
    '{"__proto__":{"x":1}}',
    '"text"',
    '123',
    'null',
    '[]',
    '[[]]',
    '[1e308,-1e308]',
    '["\\u0000","\\ud800"]',
    nestedJson(2000),
  ].map(base64url),
  '!!!',
  '====',
  'eyJ',
  'a'.repeat(5000),
  Buffer.from('[">?>",1]').toString('base64'),
  '%zz',
  '%00',
];

/**
 * Cursors whose position is valid for lists of one kind of key and not another (a text key may
 * be any text; an instant key may not be year 10000): sent, but no verdict without the kind.
 */
export const KIND_DEPENDENT_CURSORS = [
  '["9999-12-31T23:59:59-23:59","00000000-0000-4000-8000-000000000000"]',
  '["0000-01-01T00:00:00Z","00000000-0000-4000-8000-000000000000"]',
  '["some text","00000000-0000-4000-8000-000000000000"]',
  '[1e308,"00000000-0000-4000-8000-000000000000"]',
  '[-1,"00000000-0000-4000-8000-000000000000"]',
].map(base64url);

/** Text that is fine by the contract but unusual: it must still be stored and answered. */
export const UNUSUAL_TEXT = [
  'Ünïcödé ✓',
  '😀😀😀',
  'مرحبا',
  'e\u0301',
  '   ',
  '\t\n',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '%s%n%x',
];
