import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { ProximityConfig } from './config';
import { ProximityRecovery1765300000000 } from './migrations/proximity-recovery.migration';
import { ProximityTables1764400000000 } from './migrations/proximity-tables.migration';
import { PeopleModule } from './people/people.module';
import { SessionsModule } from './sessions/sessions.module';
import { StatsModule } from './stats/stats.module';
import { ExportsModule } from './exports/exports.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'proximity',
      config: ProximityConfig,
      database: { migrations: [ProximityTables1764400000000, ProximityRecovery1765300000000] },
      redisOutbox: true,
      // Proximity's people are only the deleted ones; standings are kept in Redis too, so
      // routes that touch only Redis check tokens without Postgres.
      tombstones: { table: 'deleted_people', idColumn: 'user_id' },
      redisStandings: true,
      // Sessions and tombstones live in Redis, standings in PostgreSQL: every request needs both.
      readinessGates: ['database', 'redis'],
    }),
    SessionsModule,
    StatsModule,
    PeopleModule,
    ExportsModule,
  ],
})
export class AppModule {}
