import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { RegistrationsRepository } from './registrations.repository';

@Module({
  imports: [PeopleModule],
  controllers: [EventsController],
  providers: [EventsRepository, RegistrationsRepository, EventsService],
  exports: [EventsRepository, RegistrationsRepository, EventsService],
})
export class EventsModule {}
