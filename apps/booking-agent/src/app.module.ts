import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { AgentModule } from './agent/agent.module';
import { BookingAgentConfig } from './config';
import { DeletionModule } from './deletion/deletion.module';
import { DirectoryModule } from './directory/directory.module';
import { BookingBlocks1765100000000 } from './migrations/blocks.migration';
import { BookingTables1764900000000 } from './migrations/booking-tables.migration';
import { BookingFailuresTally1765610000000 } from './migrations/booking-failures-tally.migration';
import { PeopleModule } from './people/people.module';
import { UserEventsModule } from './people/user-events.module';
import { PlansModule } from './plans/plans.module';
import { SafetyModule } from './safety/safety.module';
import { BookingStatsRepository } from './stats/booking-stats.repository';
import { ExportsModule } from './exports/exports.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'booking-agent',
      config: BookingAgentConfig,
      database: {
        migrations: [
          BookingTables1764900000000,
          BookingBlocks1765100000000,
          BookingFailuresTally1765610000000,
        ],
      },
      tombstones: { table: 'users', idColumn: 'id' },
      statsSource: BookingStatsRepository,
    }),
    PeopleModule,
    UserEventsModule,
    DirectoryModule,
    PlansModule,
    AgentModule,
    DeletionModule,
    SafetyModule,
    ExportsModule,
  ],
})
export class AppModule {}
