import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { BookingEventsConsumer } from './booking-events.consumer';
import { TimeslotBookingsRepository } from './timeslot-bookings.repository';
import { TimeslotsController } from './timeslots.controller';
import { TimeslotsService } from './timeslots.service';

@Module({
  imports: [UsersModule],
  controllers: [TimeslotsController, BookingEventsConsumer],
  providers: [TimeslotsService, TimeslotBookingsRepository],
  exports: [TimeslotsService],
})
export class TimeslotsModule {}
