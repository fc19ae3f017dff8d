import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  AccountStatus,
  TimeslotEventData,
  TimeslotStatus,
  UserBlockData,
  UserDeletedData,
  VenueData,
  AnyEnvelope,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { EnvelopeValidator, createApp } from '@rendezvous/platform';
import type { TestRequest } from '@rendezvous/testing';
import {
  aUserState,
  anEnvelope,
  apiRequests,
  startServiceForTest,
  startTokenIssuer,
  aUserStatusEvent,
} from '@rendezvous/testing';
import { DataSource } from 'typeorm';
import { AgentEventsConsumer } from '../src/agent/agent-events.consumer';
import { DirectoryEventsConsumer } from '../src/directory/directory-events.consumer';
import { AppModule } from '../src/app.module';
import { UserEventsConsumer } from '../src/people/user-events.consumer';

export interface Person {
  id: string;
  token: string;
}

export interface BookingTestApp {
  app: NestFastifyApplication;
  db: DataSource;
  request: TestRequest;
  /** Delivers an event to the consumer of its topic, through the envelope validator. */
  deliver(event: AnyEnvelope): Promise<void>;
  /** A person the service knows of (their `user.created` delivered) with an access token. */
  person(options?: { known?: boolean }): Promise<Person>;
  venue(capacity?: number): Promise<string>;
  /** Publishes a timeslot of the person, as the user service would. */
  slot(userId: string, startsAt: Date, endsAt: Date, status?: TimeslotStatus): Promise<string>;
  deleteAccount(userId: string): Promise<void>;
  /** Publishes a block (or with `active` false an unblock) at the blocker's `version`. */
  block(blockerId: string, blockedId: string, version: number, active?: boolean): Promise<void>;
  /** Publishes the person's `user.status_changed` at `version`, as the user service would. */
  setStatus(userId: string, status: AccountStatus, version: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real booking agent on a fresh database, its outbox relaying to the real Kafka. Its Kafka
 * consumers are not started: tests hand events (the agent's own `plan.confirmed` included, taken
 * from Kafka) to the consumer controllers.
 */
export async function startBookingApp(env: Record<string, string> = {}): Promise<BookingTestApp> {
  const issuer = await startTokenIssuer();
  const service = await startServiceForTest(() => createApp(AppModule), {
    JWKS_URL: issuer.jwksUrl,
    ...env,
  });
  const app = service.app as NestFastifyApplication;
  const validator = new EnvelopeValidator();
  const directory = app.get(DirectoryEventsConsumer);
  const agent = app.get(AgentEventsConsumer);
  const users = app.get(UserEventsConsumer);

  const deliver = async (event: AnyEnvelope): Promise<void> => {
    const parsed = validator.parse(event.type, Buffer.from(JSON.stringify(event)));
    switch (parsed.type) {
      case TOPICS.USER_CREATED:
        return users.onUserCreated(parsed);
      case TOPICS.USER_DELETED:
        return users.onUserDeleted(parsed);
      case TOPICS.USER_STATUS_CHANGED:
        return users.onUserStatusChanged(parsed);
      case TOPICS.USER_BLOCKED:
      case TOPICS.USER_UNBLOCKED:
        return users.onBlock(parsed);
      case TOPICS.VENUE_CREATED:
      case TOPICS.VENUE_UPDATED:
        return directory.onVenue(parsed);
      case TOPICS.PLAN_CONFIRMED:
        return agent.onPlanConfirmed(parsed);
      case TOPICS.BOOKING_CANCELLED:
        return agent.onBookingCancelled(parsed);
      case TOPICS.TIMESLOT_CREATED:
      case TOPICS.TIMESLOT_UPDATED:
      case TOPICS.TIMESLOT_DELETED:
        return directory.onTimeslot(parsed);
      default:
        throw new Error(`the booking agent does not consume ${parsed.type}`);
    }
  };

  return {
    app,
    db: app.get(DataSource),
    request: apiRequests(app),
    deliver,
    async person({ known = true } = {}) {
      const state = aUserState();
      if (known) {
        await deliver(anEnvelope(TOPICS.USER_CREATED, state, { aggregateId: state.userId }));
      }
      return { id: state.userId, token: await issuer.sign(state.userId) };
    },
    async venue(capacity = 20) {
      const now = new Date().toISOString();
      const venue: VenueData = {
        venueId: randomUUID(),
        name: 'Café Lumen',
        description: null,
        category: 'cafe',
        lat: 48.85,
        lng: 2.35,
        priceLevel: 2,
        rating: 4.5,
        capacity,
        createdAt: now,
        updatedAt: now,
      };
      await deliver(
        anEnvelope(TOPICS.VENUE_CREATED, venue, { aggregateId: venue.venueId, source: 'reco' }),
      );
      return venue.venueId;
    },
    async slot(userId, startsAt, endsAt, status = 'free') {
      const data: TimeslotEventData = {
        timeslotId: randomUUID(),
        userId,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        status,
      };
      await deliver(anEnvelope(TOPICS.TIMESLOT_CREATED, data, { aggregateId: data.timeslotId }));
      return data.timeslotId;
    },
    async deleteAccount(userId) {
      const data: UserDeletedData = { userId, deletedAt: new Date().toISOString() };
      await deliver(anEnvelope(TOPICS.USER_DELETED, data, { aggregateId: userId, version: 99 }));
    },
    async block(blockerId, blockedId, version, active = true) {
      const data: UserBlockData = { blockerId, blockedId };
      const type = active ? TOPICS.USER_BLOCKED : TOPICS.USER_UNBLOCKED;
      await deliver(anEnvelope(type, data, { aggregateId: blockerId, version }));
    },
    async setStatus(userId, status, version) {
      await deliver(aUserStatusEvent(userId, version, { status }));
    },
    async close() {
      await service.close();
      issuer.close();
    },
  };
}

/** An instant `hours` from now, on the minute. */
export function inHours(hours: number): Date {
  const at = new Date(Date.now() + hours * 3_600_000);
  at.setUTCSeconds(0, 0);
  return at;
}
