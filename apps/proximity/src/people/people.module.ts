import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { UserEventsConsumer } from './user-events.consumer';

@Module({
  imports: [SessionsModule],
  controllers: [UserEventsConsumer],
})
export class PeopleModule {}
