import { Module } from '@nestjs/common';
import { RegistrationsModule } from '../registrations/registrations.module';
import { CalendarController } from './calendar.controller';

@Module({
  imports: [RegistrationsModule],
  controllers: [CalendarController],
})
export class CalendarModule {}
