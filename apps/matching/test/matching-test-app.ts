import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  AnyEnvelope,
  Envelope,
  Role,
  UserStateData,
  UserStatusData,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
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
import { createApp } from '@rendezvous/platform';
import { AppModule } from '../src/app.module';
import { EventEventsConsumer } from '../src/attendance/event-events.consumer';
import { ConnectionEventsConsumer } from '../src/people/connection-events.consumer';
import { UserEventsConsumer } from '../src/people/user-events.consumer';
import { QueueLedgerConsumer } from '../src/queue/queue-ledger.consumer';

export interface MatchingTestApp {
  app: NestFastifyApplication;
  db: DataSource;
  /** Delivers an event to the consumer that handles its topic, as the Kafka transport would. */
  deliver(event: Envelope): Promise<void>;
  /** A person known to matching (their `user.created` delivered); returns their state. */
  person(overrides?: Parameters<typeof aUserState>[0]): Promise<UserStateData>;
  /** Delivers `user.status_changed` for the person: active, user role, not hidden, unless told. */
  setStanding(
    userId: string,
    version: number,
    standing?: Partial<Omit<UserStatusData, 'userId'>>,
  ): Promise<void>;
  /** Requests to `/api/v1...` through the app's HTTP stack. */
  request: TestRequest;
  /** An access token for the person, signed by a key set the app trusts. */
  token(userId: string, role?: Role): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real matching service on a fresh database, its outbox relaying to the real Kafka. Its
 * Kafka consumers are not started (the running suite's group owns the topics); tests hand
 * events to the consumer controllers instead, through the real inbox.
 */
export async function startMatchingApp(env: Record<string, string> = {}): Promise<MatchingTestApp> {
  const issuer = await startTokenIssuer();
  const service = await startServiceForTest(() => createApp(AppModule), {
    JWKS_URL: issuer.jwksUrl,
    ...env,
  });
  const { app } = service;
  const users = app.get(UserEventsConsumer);
  const events = app.get(EventEventsConsumer);
  const ledger = app.get(QueueLedgerConsumer);
  const connections = app.get(ConnectionEventsConsumer);

  const deliver = async (event: AnyEnvelope): Promise<void> => {
    switch (event.type) {
      case TOPICS.USER_CREATED:
      case TOPICS.USER_UPDATED:
        return users.onUserState(event);
      case TOPICS.USER_DELETED:
        return users.onUserDeleted(event);
      case TOPICS.USER_BLOCKED:
      case TOPICS.USER_UNBLOCKED:
        return users.onBlock(event);
      case TOPICS.USER_STATUS_CHANGED:
        return users.onUserStatus(event);
      case TOPICS.EVENT_CREATED:
      case TOPICS.EVENT_UPDATED:
      case TOPICS.EVENT_CANCELLED:
        return events.onEvent(event);
      case TOPICS.EVENT_REGISTRATION_CREATED:
      case TOPICS.EVENT_REGISTRATION_CANCELLED:
      case TOPICS.EVENT_REGISTRATION_PROMOTED:
        return events.onRegistration(event);
      case TOPICS.CONNECTION_REQUESTED:
      case TOPICS.CONNECTION_ACCEPTED:
      case TOPICS.CONNECTION_REMOVED:
        return connections.onConnection(event);
      case TOPICS.QUEUE_TICKET_CREATED:
        return ledger.onTicketCreated(event);
      case TOPICS.QUEUE_TICKET_CANCELLED:
      case TOPICS.QUEUE_EXPIRED:
        return ledger.onTicketEnded(event);
      case TOPICS.QUEUE_MATCH_FOUND:
        return ledger.onMatchFound(event);
      case TOPICS.QUEUE_MATCH_READY:
        return ledger.onMatchReady(event);
      case TOPICS.QUEUE_MATCH_CANCELLED:
        return ledger.onMatchCancelled(event);
      default:
        throw new Error(`matching does not consume ${event.type}`);
    }
  };

  return {
    app,
    db: app.get(DataSource),
    deliver,
    async person(overrides) {
      const state = aUserState(overrides);
      await deliver(anEnvelope(TOPICS.USER_CREATED, state, { aggregateId: state.userId }));
      return state;
    },
    async setStanding(userId, version, standing = {}) {
      await deliver(aUserStatusEvent(userId, version, standing));
    },
    request: apiRequests(app),
    token: (userId, role) => issuer.sign(userId, role),
    async close() {
      await service.close();
      issuer.close();
    },
  };
}
