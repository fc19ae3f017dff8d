import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import { createTestDatabase } from '@rendezvous/testing';
import { IsInt, IsString, Max, MaxLength } from 'class-validator';
import { PlatformConfig, PlatformModule, Public, createApp } from '../src';

class CreateThingDto {
  @IsString()
  @MaxLength(10)
  name!: string;

  @IsInt()
  @Max(5)
  size!: number;
}

@Controller('things')
class ThingsController {
  @Public()
  @Post()
  create(@Body() body: CreateThingDto) {
    if (body.name === 'taken') throw new DomainError(COMMON_ERRORS.CONFLICT, 'That name is taken');
    return { ...body };
  }

  @Get('mine')
  mine() {
    return [];
  }
}

class TestConfig extends PlatformConfig {}

@Module({
  imports: [
    // Both outboxes, as matching has: its Postgres table and its Redis Stream.
    PlatformModule.forRoot({
      service: 'event',
      config: TestConfig,
      database: {},
      redisOutbox: true,
    }),
  ],
  controllers: [ThingsController],
})
class TestAppModule {}

describe('the platform over HTTP', () => {
  let app: NestFastifyApplication;
  let database: { name: string; drop: () => Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env['POSTGRES_DB'] = database.name;
    process.env['LOG_LEVEL'] = 'silent';
    app = await createApp(TestAppModule);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
    delete process.env['POSTGRES_DB'];
    delete process.env['LOG_LEVEL'];
    await database.drop();
  });

  const post = (payload: string, contentType = 'application/json') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/things',
      headers: { 'content-type': contentType },
      payload,
    });

  it('accepts a valid body', async () => {
    const response = await post(JSON.stringify({ name: 'kettle', size: 3 }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ name: 'kettle', size: 3 });
  });

  it('rejects an unknown field with 400 naming it, and bad values with one entry per field', async () => {
    const response = await post(JSON.stringify({ name: 'kettle', size: 9, colour: 'red' }));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<{ code: string; errors: { path: string }[]; traceId: string }>();
    expect(problem.code).toBe(COMMON_ERRORS.VALIDATION_FAILED);
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['colour', 'size']);
    expect(problem.traceId).toMatch(/^[\da-f]{32}$/);
  });

  it('rejects malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await post('{"name": ');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe(COMMON_ERRORS.MALFORMED_JSON);
  });

  it('rejects a body over 1 MiB with 413', async () => {
    const response = await post(JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), size: 1 }));
    expect(response.statusCode).toBe(413);
    expect(response.json<{ code: string }>().code).toBe(COMMON_ERRORS.PAYLOAD_TOO_LARGE);
  });

  it('maps a domain error code to its status', async () => {
    const response = await post(JSON.stringify({ name: 'taken', size: 1 }));
    expect(response.statusCode).toBe(409);
    expect(response.json<{ type: string }>().type).toBe('urn:rendezvous:problem:COMMON.CONFLICT');
  });

  it('requires an access token on routes not marked public', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/v1/things/mine' });
    expect(missing.statusCode).toBe(401);
    const garbage = await app.inject({
      method: 'GET',
      url: '/api/v1/things/mine',
      headers: { authorization: 'Bearer not.a.jwt' },
    });
    expect(garbage.statusCode).toBe(401);
    expect(garbage.json<{ code: string }>().code).toBe(COMMON_ERRORS.UNAUTHORIZED);
  });

  it('continues the caller’s W3C trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/things/mine',
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(response.json<{ traceId: string }>().traceId).toBe(traceId);
    expect(String(response.headers['traceparent'])).toContain(traceId);
  });

  it('reports ready with its database, Redis and Kafka at the root path', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      checks: { database: 'up', redis: 'up', kafka: 'up' },
      checkAgeMs: {
        database: expect.any(Number),
        redis: expect.any(Number),
        kafka: expect.any(Number),
      },
    });
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    // The platform's operator metrics, read from this app's outbox and readiness.
    expect(metrics.body).toMatch(/^health_ready\{service="event"\} 1$/m);
    expect(metrics.body).toMatch(
      /^health_dependency_up\{dependency="database",service="event"\} 1$/m,
    );
    for (const outbox of ['postgres', 'redis']) {
      expect(metrics.body).toMatch(
        new RegExp(`^outbox_backlog\\{outbox="${outbox}",service="event"\\} \\d+$`, 'm'),
      );
      expect(metrics.body).toMatch(
        new RegExp(
          `^outbox_oldest_age_seconds\\{outbox="${outbox}",service="event"\\} [\\d.]+$`,
          'm',
        ),
      );
    }
  });
});
