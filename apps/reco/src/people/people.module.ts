import { Module } from '@nestjs/common';
import { BlocksProjection } from '@rendezvous/platform';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { TiesConsumer } from './ties.consumer';
import { TiesRepository } from './ties.repository';
import { UserEventsConsumer } from './user-events.consumer';

/** Reco's projections of people and their ties, from `user.*`, `connection.*` and `match.created`. */
@Module({
  controllers: [UserEventsConsumer, TiesConsumer],
  providers: [
    PeopleService,
    PeopleRepository,
    TiesRepository,
    InteractionsRepository,
    BlocksProjection,
  ],
  exports: [PeopleRepository],
})
export class PeopleModule {}
