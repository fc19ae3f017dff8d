import { Module } from '@nestjs/common';
import { BlocksRepository } from './blocks.repository';
import { DirectoryEventsConsumer } from './directory-events.consumer';
import { PeopleRepository } from './people.repository';
import { TimeslotsRepository } from './timeslots.repository';
import { VenuesRepository } from './venues.repository';

@Module({
  controllers: [DirectoryEventsConsumer],
  providers: [PeopleRepository, BlocksRepository, VenuesRepository, TimeslotsRepository],
  exports: [PeopleRepository, BlocksRepository, VenuesRepository, TimeslotsRepository],
})
export class DirectoryModule {}
