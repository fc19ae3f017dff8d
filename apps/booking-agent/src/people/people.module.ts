import { Module } from '@nestjs/common';
import { BlocksProjection } from '@rendezvous/platform';
import { PeopleRepository } from './people.repository';

/** The booking agent's projection of people (the `users` table, from `user.*` events) and their blocks. */
@Module({
  providers: [PeopleRepository, BlocksProjection],
  exports: [PeopleRepository, BlocksProjection],
})
export class PeopleModule {}
