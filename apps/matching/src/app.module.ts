import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { AttendanceModule } from './attendance/attendance.module';
import { MatchingConfig } from './config';
import { DiscoveryModule } from './discovery/discovery.module';
import { ExportsModule } from './exports/exports.module';
import { MatchesModule } from './matches/matches.module';
import { LocationCells1765100000000 } from './migrations/location-cells.migration';
import { MatchingTables1764300000000 } from './migrations/matching-tables.migration';
import { LearnedRanking1765500000000 } from './migrations/learned-ranking.migration';
import { HiddenUntil1765700000000 } from './migrations/hidden-until.migration';
import { QueueLedger1765300000000 } from './migrations/queue-ledger.migration';
import { UserEventsModule } from './people/user-events.module';
import { PeopleModule } from './people/people.module';
import { QueueModule } from './queue/queue.module';
import { RankingModule } from './ranking/ranking.module';
import { MatchingStatsRepository } from './stats/matching-stats.repository';
import { SwipesModule } from './swipes/swipes.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'matching',
      config: MatchingConfig,
      database: {
        migrations: [
          MatchingTables1764300000000,
          LocationCells1765100000000,
          QueueLedger1765300000000,
          LearnedRanking1765500000000,
          HiddenUntil1765700000000,
        ],
      },
      redisOutbox: true,
      tombstones: { table: 'profiles', idColumn: 'user_id' },
      // Queue routes touch only Redis: their token checks must not need Postgres.
      redisStandings: true,
      statsSource: MatchingStatsRepository,
    }),
    PeopleModule,
    UserEventsModule,
    AttendanceModule,
    DiscoveryModule,
    SwipesModule,
    MatchesModule,
    QueueModule,
    ExportsModule,
    RankingModule,
  ],
})
export class AppModule {}
