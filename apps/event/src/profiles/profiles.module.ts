import { Module } from '@nestjs/common';
import { ProfilesRepository } from './profiles.repository';
import { UserEventsConsumer } from './user-events.consumer';

@Module({
  controllers: [UserEventsConsumer],
  providers: [ProfilesRepository],
  exports: [ProfilesRepository],
})
export class ProfilesModule {}
