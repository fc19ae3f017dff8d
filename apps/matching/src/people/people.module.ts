import { Module } from '@nestjs/common';
import { PeopleRepository } from './people.repository';
import { BlocksProjection } from '@rendezvous/platform';

/** Matching's projection of people (the `profiles` table, from `user.*` events) and their blocks. */
@Module({
  providers: [PeopleRepository, BlocksProjection],
  exports: [PeopleRepository, BlocksProjection],
})
export class PeopleModule {}
