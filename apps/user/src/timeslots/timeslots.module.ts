import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { BookingEventsConsumer } from './booking-events.consumer';
import { TimeslotBookingsRepository } from './timeslot-bookings.repository';
import { TimeslotsController } from './timeslots.controller';
import { TimeslotsRepository } from './timeslots.repository';
import { TimeslotsService } from './timeslots.service';

@Module({
  imports: [UsersModule],
  controllers: [TimeslotsController, BookingEventsConsumer],
  providers: [TimeslotsService, TimeslotsRepository, TimeslotBookingsRepository],
  exports: [TimeslotsService],
})
export class TimeslotsModule {}
