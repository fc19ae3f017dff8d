import { Module } from '@nestjs/common';
import { DeletionModule } from '../deletion/deletion.module';
import { PeopleModule } from '../people/people.module';
import { AccountStandingService } from './account-standing.service';

@Module({
  imports: [DeletionModule, PeopleModule],
  providers: [AccountStandingService],
  exports: [AccountStandingService],
})
export class SafetyModule {}
