import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { AdminStatsStore } from './admin/admin-stats';
import { AdminStatsRecovery } from './admin/admin-stats-recovery';
import { AdminStatsConsumer } from './admin/admin-stats.consumer';
import { AdminController } from './admin/admin.controller';
import { DeadLetterIndexer } from './admin/dead-letters/dead-letter-indexer';
import { DeadLetterStore } from './admin/dead-letters/dead-letter-store';
import { DeadLetters } from './admin/dead-letters/dead-letters';
import { DeadLettersController } from './admin/dead-letters/dead-letters.controller';
import { AccessChanges } from './auth/access-changes';
import { AccountStandingConsumer } from './auth/account-standing.consumer';
import { AccessState } from './auth/access-state';
import { AccountStandings } from './auth/account-standings';
import { RecentlyAdmitted } from './auth/recently-admitted';
import { RevokedUsers } from './auth/revoked-users';
import { GatewayConfig } from './config';
import { ApiDocs } from './docs/api-docs';
import { EventsDocsController } from './docs/events-docs.controller';
import { HistoryRecovery } from './notifications/history-recovery';
import { NotificationHistory } from './notifications/notification-history';
import { NotificationsConsumer } from './notifications/notifications.consumer';
import { NotificationsController } from './notifications/notifications.controller';
import { Admission } from './proxy/admission';
import { RateLimits } from './rate-limit/rate-limits';
import { RedisStateReadiness } from './redis-state/redis-state-readiness';
import { NotificationsSocket } from './realtime/notifications.socket';
import { ServicesReadiness } from './upstreams/services-readiness';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'gateway',
      config: GatewayConfig,
      readinessDetails: [ServicesReadiness, RedisStateReadiness],
      revocationCheck: RevokedUsers,
      // Revocation and rate limits are looked up in Redis (at least once a second per client).
      readinessGates: ['redis'],
      // Dead-letter replays and their status and audit events leave through it.
      redisOutbox: true,
    }),
  ],
  controllers: [
    NotificationsController,
    NotificationsConsumer,
    EventsDocsController,
    AdminController,
    DeadLettersController,
    AdminStatsConsumer,
    AccountStandingConsumer,
  ],
  providers: [
    AccessChanges,
    RevokedUsers,
    RecentlyAdmitted,
    AccountStandings,
    AccessState,
    RateLimits,
    Admission,
    ApiDocs,
    NotificationHistory,
    HistoryRecovery,
    NotificationsSocket,
    AdminStatsStore,
    AdminStatsRecovery,
    DeadLetterStore,
    DeadLetters,
    DeadLetterIndexer,
  ],
})
export class AppModule {}
