import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { AccountModule } from './account/account.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { UserAccessCheck } from './auth/user-access-check';
import { BlocksModule } from './blocks/blocks.module';
import { UserConfig } from './config';
import { ConnectionsModule } from './connections/connections.module';
import { ExportsModule } from './exports/exports.module';
import { KeysModule } from './keys/keys.module';
import { ModerationModule } from './moderation/moderation.module';
import { UserStatsRepository } from './stats/user-stats.repository';
import { ExportTables1765400000000 } from './migrations/export-tables.migration';
import { MillisecondCreatedAt1764400000000 } from './migrations/millisecond-created-at.migration';
import { ModerationTables1765300000000 } from './migrations/moderation-tables.migration';
import { TimeslotBookings1764800000000 } from './migrations/timeslot-bookings.migration';
import { UserTables1764200000000 } from './migrations/user-tables.migration';
import { ReportsModule } from './reports/reports.module';
import { TimeslotsModule } from './timeslots/timeslots.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'user',
      config: UserConfig,
      database: {
        migrations: [
          UserTables1764200000000,
          MillisecondCreatedAt1764400000000,
          TimeslotBookings1764800000000,
          ModerationTables1765300000000,
          ExportTables1765400000000,
        ],
      },
      // Every route, reads included, refuses a deleted, suspended or demoted person's token.
      revocationCheck: UserAccessCheck,
      statsSource: UserStatsRepository,
    }),
    KeysModule,
    AuthModule,
    UsersModule,
    TimeslotsModule,
    ConnectionsModule,
    BlocksModule,
    AccountModule,
    AuditModule,
    ModerationModule,
    ReportsModule,
    ExportsModule,
  ],
})
export class AppModule {}
