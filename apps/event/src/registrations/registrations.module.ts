import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { PeopleModule } from '../people/people.module';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [EventsModule, PeopleModule],
  controllers: [RegistrationsController],
  providers: [RegistrationsService],
  exports: [RegistrationsService],
})
export class RegistrationsModule {}
