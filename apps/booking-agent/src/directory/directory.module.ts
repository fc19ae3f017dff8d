import { Module } from '@nestjs/common';
import { DirectoryEventsConsumer } from './directory-events.consumer';
import { PeopleRepository } from './people.repository';
import { TimeslotsRepository } from './timeslots.repository';
import { VenuesRepository } from './venues.repository';

@Module({
  controllers: [DirectoryEventsConsumer],
  providers: [PeopleRepository, VenuesRepository, TimeslotsRepository],
  exports: [PeopleRepository, VenuesRepository, TimeslotsRepository],
})
export class DirectoryModule {}
