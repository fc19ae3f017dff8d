import { Module } from '@nestjs/common';
import { DeletionModule } from '../deletion/deletion.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { AccountStandingService } from './account-standing.service';
import { UserStatusConsumer } from './user-status.consumer';

@Module({
  imports: [DeletionModule, ProfilesModule],
  controllers: [UserStatusConsumer],
  providers: [AccountStandingService],
})
export class SafetyModule {}
