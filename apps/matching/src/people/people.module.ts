import { Module } from '@nestjs/common';
import { ConnectionsRepository } from './connections.repository';
import { PeopleRepository } from './people.repository';
import { BlocksProjection } from '@rendezvous/platform';

/** Matching's projection of people (the `profiles` table, from `user.*` events) and their blocks. */
@Module({
  providers: [PeopleRepository, BlocksProjection, ConnectionsRepository],
  exports: [PeopleRepository, BlocksProjection, ConnectionsRepository],
})
export class PeopleModule {}
