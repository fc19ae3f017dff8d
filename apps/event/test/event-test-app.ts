import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AccountStatus, Role, UserStateData, EventData, Topic } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { EnvelopeValidator, createApp } from '@rendezvous/platform';
import type { TestRequest } from '@rendezvous/testing';
import {
  aUserState,
  anEnvelope,
  apiRequests,
  OWN_DATABASE_SETTINGS,
  createTestDatabase,
  startTokenIssuer,
  uniqueName,
  aUserStatus,
} from '@rendezvous/testing';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { UserEventsConsumer } from '../src/people/user-events.consumer';

export type { Problem } from '@rendezvous/testing';

export interface Person {
  id: string;
  token: string;
  name: string;
}

export interface EventTestApp {
  app: NestFastifyApplication;
  /** Where the app listens, for requests over real sockets. */
  baseUrl: string;
  /** Direct access to the app's database, for arranging what the API cannot (past events). */
  db: Client;
  request: TestRequest;
  /** A person with a valid access token; known to the service through user.created unless told not. */
  person(options?: { name?: string; known?: boolean; role?: Role }): Promise<Person>;
  /** Delivers a user event to the app's consumer, as the Kafka transport would. */
  deliver<T extends Topic>(
    topic: T,
    data: EventData<T>,
    aggregateId: string,
    version: number,
  ): Promise<void>;
  /** Delivers the person's `user.status_changed` at `version`, as the user service would. */
  setStatus(
    userId: string,
    status: AccountStatus,
    version: number,
    suspendedUntil?: string | null,
  ): Promise<void>;
  userState(id: string, name: string): UserStateData;
  close(): Promise<void>;
}

/**
 * The real event service on a fresh database and a real port. Tokens come from a key set this
 * harness serves itself; the app's Kafka consumer is not started (tests deliver user events to
 * its handlers, or run them on a transport of their own).
 */
export async function startEventApp(): Promise<EventTestApp> {
  const database = await createTestDatabase();
  const jwks = await startTokenIssuer();
  const settings: Record<string, string> = {
    ...OWN_DATABASE_SETTINGS,
    POSTGRES_DB: database.name,
    POSTGRES_POOL_SIZE: '10',
    LOG_LEVEL: 'silent',
    JWKS_URL: jwks.jwksUrl,
  };
  for (const [key, value] of Object.entries(settings)) process.env[key] = value;
  const app = await createApp(AppModule);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = new Client({
    host: process.env['POSTGRES_HOST'] ?? '127.0.0.1',
    port: Number(process.env['POSTGRES_PORT'] ?? 5432),
    user: process.env['POSTGRES_USER'] ?? 'postgres',
    password: process.env['POSTGRES_PASSWORD'] || undefined,
    database: database.name,
  });
  await db.connect();
  const validator = new EnvelopeValidator();

  const request = apiRequests(app);

  const userState = (id: string, name: string): UserStateData =>
    aUserState({
      userId: id,
      name,
      profile: {
        headline: `${name}'s headline`,
        birthDate: '1990-01-01',
        industry: 'Software',
        jobLevel: 'senior',
        interests: ['rust'],
        languages: ['en'],
        location: { lat: 48.85, lng: 2.35, city: 'Paris' },
      },
    });

  const deliver: EventTestApp['deliver'] = async (topic, data, aggregateId, version) => {
    // Through the platform's validator, as the transport would: the data must fit its schema.
    const envelope = validator.parse(
      topic,
      Buffer.from(JSON.stringify(anEnvelope(topic, data, { aggregateId, version }))),
    );
    const consumer = app.get(UserEventsConsumer);
    switch (envelope.type) {
      case TOPICS.USER_STATUS_CHANGED:
        return consumer.onUserStatusChanged(envelope);
      case TOPICS.USER_DELETED:
        return consumer.onUserDeleted(envelope);
      case TOPICS.USER_CREATED:
        return consumer.onUserCreated(envelope);
      case TOPICS.USER_UPDATED:
        return consumer.onUserUpdated(envelope);
      default:
        throw new Error(`the event service does not consume ${envelope.type}`);
    }
  };

  return {
    app,
    baseUrl,
    db,
    request,
    userState,
    deliver,
    async setStatus(userId, status, version, suspendedUntil = null) {
      const data = aUserStatus(userId, { status, suspendedUntil });
      await deliver(TOPICS.USER_STATUS_CHANGED, data, userId, version);
    },
    async person({ name = uniqueName('Person'), known = true, role = 'user' } = {}) {
      const id = randomUUID();
      if (known) await deliver(TOPICS.USER_CREATED, userState(id, name), id, 1);
      return { id, name, token: await jwks.sign(id, role) };
    },
    async close() {
      await app.close();
      await db.end();
      jwks.close();
      for (const key of Object.keys(settings)) delete process.env[key];
      await database.drop();
    },
  };
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** A valid create body; override what the test is about. */
export function anEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Rust networking night',
    description: 'Talks, then drinks.',
    category: 'networking',
    tags: ['rust', 'systems'],
    startsAt: inMinutes(24 * 60),
    endsAt: inMinutes(26 * 60),
    location: { name: 'Station F', lat: 48.8343, lng: 2.3713 },
    capacity: 50,
    ...overrides,
  };
}
