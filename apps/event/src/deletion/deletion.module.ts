import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { AccountDeletionService } from './account-deletion.service';
import { UserDeletedConsumer } from './user-deleted.consumer';

@Module({
  imports: [EventsModule, ProfilesModule],
  controllers: [UserDeletedConsumer],
  providers: [AccountDeletionService],
  exports: [AccountDeletionService],
})
export class DeletionModule {}
