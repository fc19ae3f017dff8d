import { Module } from '@nestjs/common';
import { PeopleEventsConsumer } from './people-events.consumer';
import { PeopleService } from './people.service';

/** Consumes `user.*`, `connection.*` and `match.created` into reco's projections. */
@Module({
  controllers: [PeopleEventsConsumer],
  providers: [PeopleService],
})
export class PeopleModule {}
