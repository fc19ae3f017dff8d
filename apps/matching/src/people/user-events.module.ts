import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { MatchesModule } from '../matches/matches.module';
import { PeopleModule } from './people.module';
import { QueueModule } from '../queue/queue.module';
import { RankingModule } from '../ranking/ranking.module';
import { SwipesModule } from '../swipes/swipes.module';
import { PeopleService } from './people.service';
import { ConnectionEventsConsumer } from './connection-events.consumer';
import { UserEventsConsumer } from './user-events.consumer';

/** Consumes the user service's `user.*` and `connection.*` events into matching's own stores. */
@Module({
  imports: [
    PeopleModule,
    SwipesModule,
    MatchesModule,
    AttendanceModule,
    QueueModule,
    RankingModule,
  ],
  controllers: [UserEventsConsumer, ConnectionEventsConsumer],
  providers: [PeopleService],
})
export class UserEventsModule {}
