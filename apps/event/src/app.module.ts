import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { CalendarModule } from './calendar/calendar.module';
import { EventConfig } from './config';
import { DeletionModule } from './deletion/deletion.module';
import { EventsModule } from './events/events.module';
import { EventTables1764600000000 } from './migrations/event-tables.migration';
import { PeopleModule } from './people/people.module';
import { UserEventsModule } from './people/user-events.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { SafetyModule } from './safety/safety.module';
import { EventStatsRepository } from './stats/event-stats.repository';
import { ExportsModule } from './exports/exports.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'event',
      config: EventConfig,
      database: { migrations: [EventTables1764600000000] },
      tombstones: { table: 'users', idColumn: 'id' },
      statsSource: EventStatsRepository,
    }),
    PeopleModule,
    EventsModule,
    RegistrationsModule,
    CalendarModule,
    DeletionModule,
    SafetyModule,
    UserEventsModule,
    ExportsModule,
  ],
})
export class AppModule {}
