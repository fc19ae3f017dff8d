import { Module } from '@nestjs/common';
import { DeletionModule } from '../deletion/deletion.module';
import { SafetyModule } from '../safety/safety.module';
import { PeopleModule } from './people.module';
import { UserEventsConsumer } from './user-events.consumer';

@Module({
  imports: [PeopleModule, DeletionModule, SafetyModule],
  controllers: [UserEventsConsumer],
})
export class UserEventsModule {}
