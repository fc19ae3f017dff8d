import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** One HTTP/1.1 request exactly as it goes on the wire: no client normalises its path or headers. */
export interface RawRequest {
  method: string;
  /** The request-target as sent, `..`, `%zz` and doubled slashes included. */
  target: string;
  /** In order, duplicates kept. `Host` is added when absent unless `omitHost` is set. */
  headers: [string, string][];
  body?: Buffer;
  omitHost?: boolean;
}

export interface RawAnswer {
  kind: 'answer';
  status: number;
  /** Lower-cased names; repeated headers joined with `, `. */
  headers: Map<string, string>;
  body: string;
  ms: number;
}

export interface NoAnswer {
  kind: 'no-answer';
  reason: string;
  ms: number;
}

export type RawOutcome = RawAnswer | NoAnswer;

interface Head {
  status: number;
  headers: Map<string, string>;
  bodyStart: number;
}

const HEAD_END = Buffer.from('\r\n\r\n');

function parseHead(buffer: Buffer): Head | undefined {
  const end = buffer.indexOf(HEAD_END);
  if (end < 0) return undefined;
  const lines = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(lines[0] ?? '')?.[1] ?? NaN);
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? value : `${previous}, ${value}`);
  }
  return { status, headers, bodyStart: end + HEAD_END.length };
}

/** The decoded body of a chunked message, or undefined while the last chunk has not arrived. */
function dechunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.subarray(offset, lineEnd).toString('latin1').split(';')[0], 16);
    if (Number.isNaN(size)) return Buffer.concat(parts);
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (data.length < start + size + 2) return undefined;
    parts.push(data.subarray(start, start + size));
    offset = start + size + 2;
  }
}

function decode(body: Buffer, encoding: string | undefined): string {
  try {
    if (encoding === 'gzip') return gunzipSync(body).toString('utf8');
    if (encoding === 'deflate') return inflateSync(body).toString('utf8');
    if (encoding === 'br') return brotliDecompressSync(body).toString('utf8');
  } catch {
    return `<undecodable ${encoding} body of ${body.length} bytes>`;
  }
  return body.toString('utf8');
}

function hasNoBody(method: string, status: number): boolean {
  return method === 'HEAD' || status === 204 || status === 304;
}

/** The final answer in `buffer` (interim 1xx answers skipped), or undefined if it is incomplete. */
function complete(method: string, buffer: Buffer, closed: boolean): RawAnswer | undefined {
  let rest = buffer;
  for (;;) {
    const head = parseHead(rest);
    if (!head) return undefined;
    if (head.status >= 100 && head.status < 200 && head.status !== 101) {
      rest = rest.subarray(head.bodyStart);
      continue;
    }
    const answer = (body: Buffer): RawAnswer => ({
      kind: 'answer',
      status: head.status,
      headers: head.headers,
      body: decode(body, head.headers.get('content-encoding')),
      ms: 0,
    });
    const data = rest.subarray(head.bodyStart);
    if (hasNoBody(method, head.status) || head.status === 101) return answer(Buffer.alloc(0));
    if (/chunked/i.test(head.headers.get('transfer-encoding') ?? '')) {
      const body = dechunk(data);
      return body ? answer(body) : closed ? answer(data) : undefined;
    }
    const length = head.headers.get('content-length');
    if (length !== undefined) {
      const expected = Number(length);
      return data.length >= expected || closed ? answer(data.subarray(0, expected)) : undefined;
    }
    return closed ? answer(data) : undefined;
  }
}

function serialise(request: RawRequest, host: string): Buffer {
  const headers = [...request.headers];
  if (!request.omitHost && !headers.some(([name]) => name.toLowerCase() === 'host')) {
    headers.unshift(['Host', host]);
  }
  const head = [
    `${request.method} ${request.target} HTTP/1.1`,
    ...headers.map(([n, v]) => `${n}: ${v}`),
  ];
  return Buffer.concat([
    Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'utf8'),
    request.body ?? Buffer.alloc(0),
  ]);
}

/**
 * Sends one request on its own connection and reads one answer, framing it by Content-Length,
 * chunks or the close. No answer within `timeoutMs`, or a connection closed without an answer,
 * is reported as such rather than thrown.
 */
export function sendRaw(
  origin: { host: string; port: number },
  request: RawRequest,
  timeoutMs: number,
): Promise<RawOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    let buffer = Buffer.alloc(0);
    let settled = false;
    const socket = connect({ host: origin.host, port: origin.port });
    const finish = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...outcome, ms: Date.now() - started });
    };
    const timer = setTimeout(
      () => finish({ kind: 'no-answer', reason: `no answer within ${timeoutMs} ms`, ms: 0 }),
      timeoutMs,
    );
    socket.on('connect', () => {
      socket.write(serialise(request, `${origin.host}:${origin.port}`), () => undefined);
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const answer = complete(request.method, buffer, false);
      if (answer) finish(answer);
    });
    const closed = (reason: string) => {
      const answer = complete(request.method, buffer, true);
      finish(answer ?? { kind: 'no-answer', reason, ms: 0 });
    };
    socket.on('end', () => closed('connection closed without an answer'));
    socket.on('close', () => closed('connection closed without an answer'));
    // A reset after a complete answer (the server closing on a body it refused) is no fault.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      closed(`connection error ${error.code ?? error.message} without an answer`),
    );
  });
}
