import { Module } from '@nestjs/common';
import { DeletionModule } from '../deletion/deletion.module';
import { DirectoryModule } from '../directory/directory.module';
import { AccountStandingService } from './account-standing.service';
import { UserStatusConsumer } from './user-status.consumer';

@Module({
  imports: [DeletionModule, DirectoryModule],
  controllers: [UserStatusConsumer],
  providers: [AccountStandingService],
})
export class SafetyModule {}
