import { Module } from '@nestjs/common';
import { DirectoryEventsConsumer } from './directory-events.consumer';
import { PeopleRepository } from './people.repository';
import { TimeslotsRepository } from './timeslots.repository';
import { VenuesRepository } from './venues.repository';
import { BlocksProjection } from '@rendezvous/platform';

@Module({
  controllers: [DirectoryEventsConsumer],
  providers: [PeopleRepository, BlocksProjection, VenuesRepository, TimeslotsRepository],
  exports: [PeopleRepository, BlocksProjection, VenuesRepository, TimeslotsRepository],
})
export class DirectoryModule {}
