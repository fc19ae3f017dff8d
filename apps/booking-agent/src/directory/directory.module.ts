import { Module } from '@nestjs/common';
import { DirectoryEventsConsumer } from './directory-events.consumer';
import { TimeslotsRepository } from './timeslots.repository';
import { VenuesRepository } from './venues.repository';

@Module({
  controllers: [DirectoryEventsConsumer],
  providers: [VenuesRepository, TimeslotsRepository],
  exports: [VenuesRepository, TimeslotsRepository],
})
export class DirectoryModule {}
