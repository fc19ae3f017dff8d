import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  UserLocation,
  UserStateData,
  UserStatusData,
  AnyEnvelope,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { aUserState, anEnvelope, startServiceForTest, aUserStatusEvent } from '@rendezvous/testing';
import { DataSource } from 'typeorm';
import { createApp } from '@rendezvous/platform';
import { AppModule } from '../src/app.module';
import { TiesConsumer } from '../src/people/ties.consumer';
import { UserEventsConsumer } from '../src/people/user-events.consumer';

export interface RecoTestApp {
  app: NestFastifyApplication;
  db: DataSource;
  /** Delivers an event to the consumer that handles its topic, as the Kafka transport would. */
  deliver(event: AnyEnvelope): Promise<void>;
  /** A person known to reco (their `user.created` delivered), living at `home` if given. */
  person(home?: UserLocation | null): Promise<UserStateData>;
  /** Delivers the person's `user.status_changed` at `version`: active, visible, role user unless told. */
  standing(userId: string, version: number, change?: Partial<UserStatusData>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real reco service on a fresh database, its outbox relaying to the real Kafka. Its Kafka
 * consumers are not started; tests hand events to the consumer controller, through the inbox.
 */
export async function startRecoApp(env: Record<string, string> = {}): Promise<RecoTestApp> {
  const service = await startServiceForTest(() => createApp(AppModule), env);
  const { app } = service;
  const consumer = app.get(UserEventsConsumer);
  const ties = app.get(TiesConsumer);

  const deliver = async (event: AnyEnvelope): Promise<void> => {
    switch (event.type) {
      case TOPICS.USER_CREATED:
      case TOPICS.USER_UPDATED:
        return consumer.onUserState(event);
      case TOPICS.USER_DELETED:
        return consumer.onUserDeleted(event);
      case TOPICS.MATCH_CREATED:
        return ties.onMatchCreated(event);
      case TOPICS.USER_BLOCKED:
      case TOPICS.USER_UNBLOCKED:
        return consumer.onBlock(event);
      case TOPICS.USER_STATUS_CHANGED:
        return consumer.onStatusChanged(event);
      case TOPICS.CONNECTION_REQUESTED:
      case TOPICS.CONNECTION_ACCEPTED:
      case TOPICS.CONNECTION_REMOVED:
        return ties.onConnection(event);
      default:
        throw new Error(`reco does not consume ${event.type}`);
    }
  };

  return {
    app,
    db: app.get(DataSource),
    deliver,
    async person(home = null) {
      const state = aUserState({ profile: { location: home } });
      await deliver(anEnvelope(TOPICS.USER_CREATED, state, { aggregateId: state.userId }));
      return state;
    },
    standing: (userId, version, change = {}) => deliver(aUserStatusEvent(userId, version, change)),
    close: () => service.close(),
  };
}
