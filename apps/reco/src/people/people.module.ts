import { Module } from '@nestjs/common';
import { PeopleEventsConsumer } from './people-events.consumer';
import { PeopleService } from './people.service';
import { BlocksProjection } from '@rendezvous/platform';

/** Consumes `user.*`, `connection.*` and `match.created` into reco's projections. */
@Module({
  controllers: [PeopleEventsConsumer],
  providers: [PeopleService, BlocksProjection],
})
export class PeopleModule {}
