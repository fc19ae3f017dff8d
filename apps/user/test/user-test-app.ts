import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Envelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { EnvelopeValidator, createApp } from '@rendezvous/platform';
import {
  OWN_DATABASE_SETTINGS,
  createTestDatabase,
  freePort,
  uniqueName,
} from '@rendezvous/testing';
import { AppModule } from '../src/app.module';
import { AuditEventsConsumer } from '../src/audit/audit-events.consumer';
import { MatchEventsConsumer } from '../src/connections/match-events.consumer';
import { ExportEventsConsumer } from '../src/exports/export-events.consumer';
import { BookingEventsConsumer } from '../src/timeslots/booking-events.consumer';

export interface TestResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  /** The raw body; empty when there is none. */
  text: string;
}

export interface AuthResponse {
  user: { id: string; email: string; name: string; role: string } & Record<string, unknown>;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface UserTestApp {
  app: NestFastifyApplication;
  request<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    options?: { body?: unknown; token?: string },
  ): Promise<TestResponse<T>>;
  /**
   * Hands an event to the consumer of its topic through the platform's validator, as the Kafka
   * transport would (the app's own consumers are not started).
   */
  deliver(event: Envelope): Promise<void>;
  /** Signs up a fresh person with a unique email. */
  signup(overrides?: { email?: string; password?: string; name?: string }): Promise<AuthResponse>;
  close(): Promise<void>;
}

/**
 * The real user service on a fresh database and a real port: the platform's guard verifies
 * tokens through this very app's JWKS endpoint, as in production.
 */
export async function startUserApp(env: Record<string, string> = {}): Promise<UserTestApp> {
  const database = await createTestDatabase();
  const port = await freePort();
  const keyDir = mkdtempSync(join(tmpdir(), 'user-keys-'));
  const settings: Record<string, string> = {
    ...OWN_DATABASE_SETTINGS,
    POSTGRES_DB: database.name,
    LOG_LEVEL: 'silent',
    PORT: String(port),
    JWKS_URL: `http://127.0.0.1:${port}/api/v1/.well-known/jwks.json`,
    JWT_KEY_DIR: keyDir,
    ...env,
  };
  for (const [key, value] of Object.entries(settings)) process.env[key] = value;
  const app = await createApp(AppModule);
  await app.listen({ port, host: '127.0.0.1' });

  const request: UserTestApp['request'] = async (method, path, options = {}) => {
    const response = await app.inject({
      method,
      url: `/api/v1${path}`,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }),
    });
    const text = response.body;
    return {
      status: response.statusCode,
      body: (text ? JSON.parse(text) : {}) as never,
      headers: response.headers,
      text,
    };
  };

  const validator = new EnvelopeValidator();
  const deliver: UserTestApp['deliver'] = async (event) => {
    const valid = validator.parse(event.type, Buffer.from(JSON.stringify(event)));
    switch (valid.type) {
      case TOPICS.MATCH_CREATED:
        return app.get(MatchEventsConsumer).onMatchCreated(valid);
      case TOPICS.BOOKING_CONFIRMED:
        return app.get(BookingEventsConsumer).onBookingConfirmed(valid);
      case TOPICS.BOOKING_CANCELLED:
        return app.get(BookingEventsConsumer).onBookingCancelled(valid);
      case TOPICS.AUDIT_RECORDED:
        return app.get(AuditEventsConsumer).onAuditRecorded(valid);
      case TOPICS.EXPORT_REQUESTED:
        return app.get(ExportEventsConsumer).onExportRequested(valid);
      case TOPICS.EXPORT_PART:
        return app.get(ExportEventsConsumer).onExportPart(valid);
      default:
        throw new Error(`the user service does not consume ${valid.type}`);
    }
  };

  return {
    app,
    request,
    deliver,
    async signup(overrides = {}) {
      const response = await request<AuthResponse>('POST', '/auth/signup', {
        body: {
          email: overrides.email ?? `${uniqueName('person')}@example.com`,
          password: overrides.password ?? 'correct horse battery',
          name: overrides.name ?? 'Test Person',
        },
      });
      if (response.status !== 201) {
        throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
      }
      return response.body;
    },
    async close() {
      await app.close();
      for (const key of Object.keys(settings)) delete process.env[key];
      rmSync(keyDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}
