import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { PlansModule } from '../plans/plans.module';
import { AccountDeletionService } from './account-deletion.service';

@Module({
  imports: [PeopleModule, PlansModule],
  providers: [AccountDeletionService],
  exports: [AccountDeletionService],
})
export class DeletionModule {}
