import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { PeopleModule } from '../people/people.module';
import { AccountDeletionService } from './account-deletion.service';

@Module({
  imports: [EventsModule, PeopleModule],
  providers: [AccountDeletionService],
  exports: [AccountDeletionService],
})
export class DeletionModule {}
