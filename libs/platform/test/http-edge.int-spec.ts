import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { Body, Controller, Delete, Get, Module, Param, Patch, Post, Query } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { COMMON_ERRORS } from '@rendezvous/contracts';
import { createTestDatabase } from '@rendezvous/testing';
import {
  IdParams,
  IsInstant,
  IsNumberIn,
  IsText,
  ListQueryDto,
  NestedObject,
  Nullable,
  Optional,
  PlatformConfig,
  PlatformModule,
  Public,
  createApp,
  decodeCursor,
} from '../src';

class PlaceDto {
  @IsText(10, 1)
  name: string;
}

class PatchThingDto {
  @Optional()
  @IsText(10, 1)
  name?: string;

  @Nullable()
  @IsText(100)
  note?: string | null;

  @Optional()
  @IsInstant()
  at?: string;

  @Optional()
  @IsNumberIn(0, 5)
  size?: number;

  @Optional()
  @NestedObject(() => PlaceDto, 'place must be an object { name }')
  place?: PlaceDto;
}

/** A promise and the function that settles it. */
function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fire, fired };
}

/** `GET /things/held` waits to be released before it answers. */
const heldEntered = signal();
const heldReleased = signal();

@Public()
@Controller('things')
class ThingsController {
  @Get('held')
  async hold() {
    heldEntered.fire();
    await heldReleased.fired;
    return { held: true };
  }

  @Get()
  list(@Query() query: ListQueryDto) {
    return { after: decodeCursor(query.cursor, 'instant') };
  }

  @Get(':id')
  one(@Param() params: IdParams) {
    return { id: params.id };
  }

  @Patch(':id')
  patch(@Param() params: IdParams, @Body() body: PatchThingDto) {
    return { id: params.id, ...body };
  }

  @Delete(':id')
  remove(@Param() params: IdParams) {
    return { removed: params.id };
  }

  @Post('echo')
  echo(@Body() body: Record<string, unknown>) {
    return body;
  }
}

class TestConfig extends PlatformConfig {}

@Module({
  imports: [PlatformModule.forRoot({ service: 'event', config: TestConfig, database: {} })],
  controllers: [ThingsController],
})
class TestAppModule {}

interface Answer {
  status: number;
  type: string;
  body: { code?: string; errors?: { path: string }[]; id?: string; [key: string]: unknown };
}

const ID = '3f1c6a52-9d1e-4f0a-8a8e-1f2b3c4d5e6f';
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the platform HTTP edge: every answer is problem details, whatever is sent', () => {
  let app: NestFastifyApplication;
  let port: number;
  let database: { name: string; drop: () => Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env['POSTGRES_DB'] = database.name;
    process.env['LOG_LEVEL'] = 'silent';
    app = await createApp(TestAppModule);
    await app.init();
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app.close();
    delete process.env['POSTGRES_DB'];
    delete process.env['LOG_LEVEL'];
    await database.drop();
  });

  /** A request with the path sent exactly as written (fetch would normalise it first). */
  function send(
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
    setHost = true,
  ): Promise<Answer> {
    const framing =
      body === undefined
        ? {}
        : {
            'content-type': 'application/json',
            // Node frames a DELETE body only when told its length.
            'content-length': String(Buffer.byteLength(body)),
          };
    return new Promise((resolve, reject) => {
      const answer = (status: number | undefined, type: unknown, text: string) =>
        resolve({
          status: status ?? 0,
          type: String(type ?? ''),
          body: text ? (JSON.parse(text) as Answer['body']) : {},
        });
      const outgoing = request(
        { host: '127.0.0.1', port, method, path, setHost, headers: { ...framing, ...headers } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            answer(
              response.statusCode,
              response.headers['content-type'],
              Buffer.concat(chunks).toString('utf8'),
            ),
          );
        },
      );
      // A CONNECT's answer arrives through the tunnel event, its body as the tunnel's bytes.
      outgoing.on('connect', (response, socket, head) => {
        const chunks: Buffer[] = [head];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('end', () =>
          answer(
            response.statusCode,
            response.headers['content-type'],
            Buffer.concat(chunks).toString('utf8'),
          ),
        );
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  function expectFieldError(answer: Answer, path: string) {
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(answer.body.code).toBe(COMMON_ERRORS.VALIDATION_FAILED);
    expect(answer.body.errors?.map((error) => error.path)).toContain(path);
  }

  it('routes an encoded spelling of a path like the plain one', async () => {
    const answer = await send('GET', `/api/v1/%74hings/${ID.toUpperCase().replace('3F', '%33F')}`);
    expect(answer.status).toBe(200);
    expect(answer.body.id?.toLowerCase()).toBe(ID);
    expect((await send('GET', `/api/v1//things///${ID}`)).status).toBe(200);
  });

  it.each([
    ['a malformed escape', `/api/v1/things/%zz`],
    ['a truncated escape', `/api/v1/things/%E0%A4%A`],
    ['a lone %', `/api/v1/things/%`],
    ['escapes that are not UTF-8', `/api/v1/things/%C0%AF`],
    ['a .. segment', `/api/v1/../v1/things/${ID}`],
    ['an encoded .. segment', `/api/v1/things/%2e%2e/${ID}`],
    ['an encoded slash', `/api/v1/things%2F${ID}`],
    ['an encoded NUL', `/api/v1/things/${ID}%00`],
  ])('answers a path with %s with 400 naming the path', async (_case, path) => {
    expectFieldError(await send('GET', path), 'path');
  });

  it('answers an over-long id with 400 naming the parameter', async () => {
    expectFieldError(await send('GET', `/api/v1/things/${'a'.repeat(5000)}`), 'id');
  });

  it('answers headers too large for the server with 431 problem details', async () => {
    const answer = await send('GET', `/api/v1/things/${ID}`, undefined, {
      'x-padding': 'a'.repeat(20_000),
    });
    expect(answer.status).toBe(431);
    expect(answer.type).toMatch(/^application\/problem\+json/);
  });

  it('answers unknown routes with 404 problem details', async () => {
    const answer = await send('GET', '/api/v1/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect((await send('GET', '/__rejected-url')).status).toBe(404);
  });

  it('refuses NUL and unpaired surrogates in any text, naming the field', async () => {
    expectFieldError(await send('PATCH', `/api/v1/things/${ID}`, '{"name":"a\\u0000"}'), 'name');
    expectFieldError(await send('PATCH', `/api/v1/things/${ID}`, '{"note":"\\ud800x"}'), 'note');
    expectFieldError(await send('POST', '/api/v1/things/echo', '{"a":{"b":["\\udc00"]}}'), 'a.b.0');
    expectFieldError(await send('GET', '/api/v1/things?cursor=a%00'), 'cursor');
    const emoji = await send('POST', '/api/v1/things/echo', JSON.stringify({ a: 'hi 👋' }));
    expect(emoji.body).toEqual({ a: 'hi 👋' });
  });

  it('refuses JSON nested deeper than 32 levels before validation runs', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const answer = await send('POST', '/api/v1/things/echo', deep);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.path).toMatch(/^a(\.a)*$/);
    const arrays = await send('PATCH', `/api/v1/things/${ID}`, '['.repeat(3000) + ']'.repeat(3000));
    expect(arrays.status).toBe(400);
  });

  it('refuses null for a field that cannot be empty, and clears a nullable one', async () => {
    expectFieldError(await send('PATCH', `/api/v1/things/${ID}`, '{"name":null}'), 'name');
    expectFieldError(await send('PATCH', `/api/v1/things/${ID}`, '{"size":null}'), 'size');
    const cleared = await send('PATCH', `/api/v1/things/${ID}`, '{"note":null}');
    expect(cleared.status).toBe(200);
    expect(cleared.body['note']).toBeNull();
  });

  it.each(['2027-W01-1', '2027-01-01', '2027-01-01T10:00:00', '9999-12-31T23:59:59-01:00'])(
    'refuses the instant %s',
    async (at) => {
      expectFieldError(await send('PATCH', `/api/v1/things/${ID}`, JSON.stringify({ at })), 'at');
    },
  );

  it.each([
    ['numbers', [1, 2]],
    ['a non-instant key', ['x', ID]],
    ['a non-UUID id', ['2030-01-01T00:00:00Z', 'not-a-uuid']],
    ['nulls and objects', [null, {}]],
    ['three parts', ['2030-01-01T00:00:00Z', ID, 'x']],
  ])('refuses a cursor holding %s', async (_case, value) => {
    expectFieldError(await send('GET', `/api/v1/things?cursor=${cursor(value)}`), 'cursor');
  });

  it('accepts a cursor of the right shape', async () => {
    const answer = await send(
      'GET',
      `/api/v1/things?cursor=${cursor(['2030-01-01T00:00:00Z', ID])}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body['after']).toEqual({ key: '2030-01-01T00:00:00Z', id: ID });
  });

  it('applies the input bounds to bodies of routes that take none', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const answer = await send('DELETE', `/api/v1/things/${ID}`, deep);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.path).toMatch(/^0(\.0)*$/);
    expectFieldError(await send('DELETE', `/api/v1/things/${ID}`, '{"x":"\\u0000"}'), 'x');
    expect((await send('DELETE', `/api/v1/things/${ID}`)).status).toBe(200);
  });

  it('refuses a body that is not a JSON object where a route takes one', async () => {
    for (const body of ['null', '[]', '"text"', '3']) {
      expectFieldError(await send('PATCH', `/api/v1/things/${ID}`, body), 'body');
    }
  });

  it('refuses a nested object sent as an array or a scalar', async () => {
    for (const place of [[], 'x', 1]) {
      const body = JSON.stringify({ place });
      expectFieldError(await send('PATCH', `/api/v1/things/${ID}`, body), 'place');
    }
    const ok = await send('PATCH', `/api/v1/things/${ID}`, '{"place":{"name":"Café"}}');
    expect(ok.status).toBe(200);
  });

  it.each(['0x10', '1e1', ' 5', 'Infinity', '5abc'])(
    'refuses the query number %j, naming the parameter',
    async (limit) => {
      expectFieldError(
        await send('GET', `/api/v1/things?limit=${encodeURIComponent(limit)}`),
        'limit',
      );
    },
  );

  /** Sends `head` on a raw socket, keeping the client's side open, and reads until the server ends. */
  async function rawAnswers(head: string): Promise<string> {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.write(head);
    await new Promise((resolve) => socket.on('end', resolve));
    socket.destroy();
    return Buffer.concat(received).toString('utf8');
  }
  // One answer follows another's body directly, on no line of its own.
  const statusesIn = (text: string) => text.match(/HTTP\/1\.1 \d{3}/g);

  it('answers a malformed request pipelined behind another only after that one’s answer', async () => {
    const answers = rawAnswers(
      `GET /api/v1/things/held HTTP/1.1\r\nHost: x\r\n\r\nNOT HTTP\r\n\r\n`,
    );
    await heldEntered.fired;
    heldReleased.fire();
    const text = await answers;

    expect(statusesIn(text)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 400']);
    expect(text).toContain('{"held":true}');
    expect(text.slice(text.lastIndexOf('\r\n\r\n') + 4)).toContain(COMMON_ERRORS.VALIDATION_FAILED);
  });

  it.each([
    ['an unknown transfer coding', 'Transfer-Encoding: xchunked\r\n\r\n{}'],
    ['a bad chunk size', 'Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'],
  ])('answers a body framed with %s with 400 at once', async (_case, rest) => {
    const text = await rawAnswers(
      `POST /api/v1/things/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${rest}`,
    );
    expect(statusesIn(text)).toEqual(['HTTP/1.1 400']);
    expect(text).toContain(COMMON_ERRORS.VALIDATION_FAILED);
  });

  it('answers what Node would answer by itself with problem details', async () => {
    const expectation = await send('GET', `/api/v1/things/${ID}`, undefined, {
      expect: 'something-else',
    });
    expect(expectation.status).toBe(417);
    expect(expectation.type).toMatch(/^application\/problem\+json/);

    const connect = await send('CONNECT', `127.0.0.1:${port}`);
    expect(connect.status).toBe(405);
    expect(connect.type).toMatch(/^application\/problem\+json/);

    expectFieldError(await send('GET', `/api/v1/things/${ID}`, undefined, {}, false), 'host');
  });
});
