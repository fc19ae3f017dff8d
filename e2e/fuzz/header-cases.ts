/** Stands for the caller's valid access token in header values; filled in when sending. */
export const TOKEN = '{token}';

export type Header = [string, string];

/** Extra or replaced headers for one request, and how its body is framed. */
export interface HeaderPlan {
  label: string;
  headers: Header[];
  /** Frames the body itself (Transfer-Encoding oddities) instead of a plain Content-Length. */
  frame?: (body: Buffer) => { headers: Header[]; payload: Buffer };
  /** Replaces the JSON Content-Type; null sends none. */
  contentType?: string | null;
  /** The headers carry their own Authorization (a valid token only where TOKEN appears). */
  customAuth?: boolean;
  omitHost?: boolean;
}

const chunked = (body: Buffer) =>
  body.length === 0
    ? Buffer.from('0\r\n\r\n')
    : Buffer.concat([
        Buffer.from(`${body.length.toString(16)}\r\n`),
        body,
        Buffer.from('\r\n0\r\n\r\n'),
      ]);

const transferEncoding = (label: string, value: string, withLength = false): HeaderPlan => ({
  label: `Transfer-Encoding: ${label}`,
  headers: [],
  frame: (body) => ({
    headers: [
      ['Transfer-Encoding', value],
      ...(withLength ? ([['Content-Length', String(body.length)]] as Header[]) : []),
    ],
    payload: chunked(body),
  }),
});

const contentLength = (label: string, value: string): HeaderPlan => ({
  label: `Content-Length: ${label}`,
  headers: [],
  frame: (body) => ({ headers: [['Content-Length', value]], payload: body }),
});

/** The header oddities an outside probe sent, and their relatives. */
export const HEADER_PLANS: HeaderPlan[] = [
  { label: 'Expect: 100-continue', headers: [['Expect', '100-continue']] },
  { label: 'Expect: something-else', headers: [['Expect', 'something-else']] },
  {
    label: 'Keep-Alive',
    headers: [
      ['Connection', 'keep-alive'],
      ['Keep-Alive', 'timeout=5, max=100'],
    ],
  },
  { label: 'Keep-Alive without Connection', headers: [['Keep-Alive', 'timeout=5']] },
  {
    label: 'Upgrade: websocket',
    headers: [
      ['Connection', 'Upgrade'],
      ['Upgrade', 'websocket'],
      ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='],
      ['Sec-WebSocket-Version', '13'],
    ],
  },
  {
    label: 'Upgrade: h2c',
    headers: [
      ['Connection', 'Upgrade, HTTP2-Settings'],
      ['Upgrade', 'h2c'],
      ['HTTP2-Settings', 'AAMAAABkAARAAAAAAAIAAAAA'],
    ],
  },
  { label: 'Connection: upgrade alone', headers: [['Connection', 'upgrade']] },
  { label: 'Upgrade without Connection', headers: [['Upgrade', 'websocket']] },
  {
    label: 'Connection naming a header',
    headers: [
      ['Connection', 'close, X-Fuzz'],
      ['X-Fuzz', '1'],
    ],
  },
  {
    label: 'TE: trailers',
    headers: [
      ['Connection', 'close, TE'],
      ['TE', 'trailers'],
    ],
  },
  { label: 'TE: gzip', headers: [['TE', 'gzip']] },
  { label: 'Trailer', headers: [['Trailer', 'X-Fuzz']] },
  { label: 'Proxy-Connection', headers: [['Proxy-Connection', 'keep-alive']] },
  transferEncoding('chunked', 'chunked'),
  transferEncoding('chunked twice', 'chunked, chunked'),
  transferEncoding('gzip, chunked', 'gzip, chunked'),
  transferEncoding('Chunked in capitals', 'CHUNKED'),
  transferEncoding('identity', 'identity'),
  transferEncoding('xchunked', 'xchunked'),
  transferEncoding('chunked with a Content-Length', 'chunked', true),
  {
    label: 'Transfer-Encoding: chunked with a bad chunk size',
    headers: [],
    frame: (body) => ({
      headers: [['Transfer-Encoding', 'chunked']],
      payload: Buffer.concat([Buffer.from('zz\r\n'), body, Buffer.from('\r\n0\r\n\r\n')]),
    }),
  },
  contentLength('abc', 'abc'),
  contentLength('-1', '-1'),
  contentLength('two values', '1, 2'),
  {
    label: 'Content-Length twice, different',
    headers: [],
    frame: (body) => ({
      headers: [
        ['Content-Length', String(body.length)],
        ['Content-Length', String(body.length + 1)],
      ],
      payload: body,
    }),
  },
  { label: 'Content-Type: text/plain', headers: [], contentType: 'text/plain' },
  { label: 'Content-Type: form', headers: [], contentType: 'application/x-www-form-urlencoded' },
  { label: 'Content-Type: multipart', headers: [], contentType: 'multipart/form-data; boundary=x' },
  {
    label: 'Content-Type: utf-16 JSON',
    headers: [],
    contentType: 'application/json; charset=utf-16',
  },
  {
    label: 'Content-Type: latin-1 JSON',
    headers: [],
    contentType: 'application/json; charset=iso-8859-1',
  },
  { label: 'Content-Type: two types', headers: [], contentType: 'application/json, text/plain' },
  { label: 'Content-Type: ;;;', headers: [], contentType: ';;;' },
  { label: 'Content-Type: empty', headers: [], contentType: '' },
  { label: 'Content-Type: application/JSON', headers: [], contentType: 'application/JSON' },
  { label: 'Content-Type: problem+json', headers: [], contentType: 'application/problem+json' },
  { label: 'Content-Type: json-patch', headers: [], contentType: 'application/json-patch+json' },
  { label: 'no Content-Type', headers: [], contentType: null },
  { label: 'Content-Encoding: gzip (not gzipped)', headers: [['Content-Encoding', 'gzip']] },
  { label: 'Content-Encoding: br (not compressed)', headers: [['Content-Encoding', 'br']] },
  { label: 'a 20 KB header', headers: [['X-Fuzz', 'a'.repeat(20_000)]] },
  { label: 'a 12 KB header', headers: [['X-Fuzz', 'a'.repeat(12_000)]] },
  { label: 'a 15 KB cookie', headers: [['Cookie', `c=${'a'.repeat(15_000)}`]] },
  {
    label: '300 headers',
    headers: Array.from({ length: 300 }, (_, i): Header => [`X-Fuzz-${i}`, 'v']),
  },
  { label: 'X-Forwarded-For: not-an-ip', headers: [['X-Forwarded-For', 'not-an-ip']] },
  { label: 'X-Forwarded-For: 999.999.1.1', headers: [['X-Forwarded-For', '999.999.1.1']] },
  { label: 'X-Forwarded-For: empty', headers: [['X-Forwarded-For', '']] },
  {
    label: 'X-Forwarded-For: 500 addresses',
    headers: [
      [
        'X-Forwarded-For',
        Array.from({ length: 500 }, (_, i) => `10.1.${i >> 8}.${i & 255}`).join(', '),
      ],
    ],
  },
  {
    label: 'Forwarded: for=evil',
    headers: [['Forwarded', 'for="[::1]";host=evil.example;proto=gopher']],
  },
  {
    label: 'X-Forwarded-Host and -Proto',
    headers: [
      ['X-Forwarded-Host', 'evil.example'],
      ['X-Forwarded-Proto', 'gopher'],
    ],
  },
  {
    label: 'X-Original-URL to admin',
    headers: [
      ['X-Original-URL', '/api/v1/admin/stats'],
      ['X-Rewrite-URL', '/api/v1/admin/stats'],
    ],
  },
  { label: 'X-HTTP-Method-Override: DELETE', headers: [['X-HTTP-Method-Override', 'DELETE']] },
  { label: 'traceparent: garbage', headers: [['traceparent', '00-zz-zz-01']] },
  {
    label: 'traceparent: all zeros',
    headers: [['traceparent', `00-${'0'.repeat(32)}-${'0'.repeat(16)}-01`]],
  },
  {
    label: 'traceparent: version ff',
    headers: [['traceparent', `ff-${'a'.repeat(32)}-${'b'.repeat(16)}-01`]],
  },
  { label: 'traceparent: 5,000 characters', headers: [['traceparent', 'x'.repeat(5000)]] },
  {
    label: 'tracestate: 5,000 entries',
    headers: [['tracestate', Array.from({ length: 5000 }, (_, i) => `k${i}=v`).join(',')]],
  },
  { label: 'Accept: application/xml', headers: [['Accept', 'application/xml']] },
  { label: 'Accept: nothing acceptable', headers: [['Accept', '*/*;q=0']] },
  { label: 'Accept-Encoding: gzip, br', headers: [['Accept-Encoding', 'gzip, deflate, br']] },
  { label: 'Accept-Language: garbage', headers: [['Accept-Language', '%%%;q=x']] },
  { label: 'Range', headers: [['Range', 'bytes=0-0']] },
  { label: 'If-None-Match: *', headers: [['If-None-Match', '*']] },
  { label: 'Origin: null', headers: [['Origin', 'null']] },
  { label: 'Origin: another site', headers: [['Origin', 'http://evil.example']] },
  { label: 'a UTF-8 header value', headers: [['X-Fuzz', 'é😀']] },
  { label: 'a header name with a space', headers: [['X Fuzz', 'v']] },
  { label: 'a NUL in a header value', headers: [['X-Fuzz', 'a\u0000b']] },
  { label: 'a folded header', headers: [['X-Fuzz', 'a\r\n b']] },
  { label: 'no Host', headers: [], omitHost: true },
  {
    label: 'Host twice',
    headers: [
      ['Host', '127.0.0.1:3000'],
      ['Host', 'evil.example'],
    ],
  },
  { label: 'Host: evil.example', headers: [['Host', 'evil.example']] },
  { label: 'Host: port 99999', headers: [['Host', '127.0.0.1:99999']] },
];

const auth = (label: string, ...values: string[]): HeaderPlan => ({
  label: `Authorization: ${label}`,
  headers: values.map((value): Header => ['Authorization', value]),
  customAuth: true,
});

const UNSIGNED = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
  '{"sub":"00000000-0000-4000-8000-000000000000","role":"admin","exp":9999999999}',
).toString('base64url')}.`;

/** Missing, garbage, duplicated and oversized credentials. */
export const AUTH_PLANS: HeaderPlan[] = [
  { label: 'no Authorization', headers: [], customAuth: true },
  auth('Bearer', 'Bearer'),
  auth('Bearer and a space', 'Bearer '),
  auth('Basic', 'Basic dXNlcjpwYXNzd29yZA=='),
  auth('garbage', 'Bearer garbage'),
  auth('three dots', 'Bearer a.b.c'),
  auth('alg none', `Bearer ${UNSIGNED}`),
  auth('8,000 characters', `Bearer ${'a'.repeat(8000)}`),
  auth('a NUL in the token', 'Bearer abc\u0000def'),
  auth('the token with an extra character', `Bearer ${TOKEN}x`),
  auth('the token without the scheme', TOKEN),
  auth('two tokens in one header', `Bearer ${TOKEN}, Bearer ${TOKEN}`),
  auth('twice, garbage first', 'Bearer garbage', `Bearer ${TOKEN}`),
  auth('twice, valid first', `Bearer ${TOKEN}`, 'Bearer garbage'),
  auth('twice, both valid', `Bearer ${TOKEN}`, `Bearer ${TOKEN}`),
  auth('lower-case scheme', `bearer ${TOKEN}`),
  auth('extra spaces', `Bearer   ${TOKEN}  `),
];

/** A valid token is presented as such (alone and well-formed) somewhere in these headers. */
export function presentsValidToken(plan: HeaderPlan): boolean {
  return plan.headers.some(
    ([name, value]) =>
      name.toLowerCase() === 'authorization' &&
      new RegExp(`^bearer +\\${TOKEN}\\s*$`, 'i').test(value),
  );
}
