import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { PlansModule } from '../plans/plans.module';
import { AccountDeletionService } from './account-deletion.service';
import { UserDeletedConsumer } from './user-deleted.consumer';

@Module({
  imports: [DirectoryModule, PlansModule],
  controllers: [UserDeletedConsumer],
  providers: [AccountDeletionService],
  exports: [AccountDeletionService],
})
export class DeletionModule {}
