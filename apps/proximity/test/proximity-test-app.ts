import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Envelope, UserStatusData, AnyEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { aUserStatusEvent, startServiceForTest } from '@rendezvous/testing';
import { DataSource } from 'typeorm';
import { createApp } from '@rendezvous/platform';
import { AppModule } from '../src/app.module';
import { UserEventsConsumer } from '../src/people/user-events.consumer';
import { EncountersService } from '../src/sessions/encounters.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { StatsConsumer } from '../src/stats/stats.consumer';

export interface ProximityTestApp {
  app: NestFastifyApplication;
  db: DataSource;
  sessions: SessionsService;
  encounters: EncountersService;
  /** Delivers an event to the consumer that handles its topic, as the Kafka transport would. */
  deliver(event: AnyEnvelope): Promise<void>;
  /** The person's `user.status_changed` at `version`: active, visible, role user unless told. */
  statusEvent(
    userId: string,
    version: number,
    change?: Partial<UserStatusData>,
  ): Envelope<UserStatusData, 'user.status_changed'>;
  close(): Promise<void>;
}

/**
 * The real proximity service on a fresh database and the shared Redis, its Redis outbox relayed
 * to the real Kafka. Its consumers are not started (the running suite's group owns the topics);
 * tests hand events to the consumer controllers instead.
 */
export async function startProximityApp(
  env: Record<string, string> = {},
): Promise<ProximityTestApp> {
  const service = await startServiceForTest(() => createApp(AppModule), env);
  const { app } = service;
  const users = app.get(UserEventsConsumer);
  const stats = app.get(StatsConsumer);

  const deliver = async (event: AnyEnvelope): Promise<void> => {
    switch (event.type) {
      case TOPICS.USER_DELETED:
        return users.onUserDeleted(event);
      case TOPICS.USER_BLOCKED:
      case TOPICS.USER_UNBLOCKED:
        return users.onBlock(event);
      case TOPICS.USER_STATUS_CHANGED:
        return users.onStatusChanged(event);
      case TOPICS.PROXIMITY_SESSION_STARTED:
        return stats.onSessionStarted(event);
      case TOPICS.PROXIMITY_NUDGE:
        return stats.onNudge(event);
      case TOPICS.PROXIMITY_SESSION_ENDED:
        return stats.onSessionEnded(event);
      default:
        throw new Error(`proximity does not consume ${event.type}`);
    }
  };

  return {
    app,
    db: app.get(DataSource),
    sessions: app.get(SessionsService),
    encounters: app.get(EncountersService),
    deliver,
    statusEvent: aUserStatusEvent,
    close: () => service.close(),
  };
}
