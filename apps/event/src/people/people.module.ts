import { Module } from '@nestjs/common';
import { PeopleRepository } from './people.repository';

/** The event service's projection of people (the `users` table, from `user.*` events). */
@Module({
  providers: [PeopleRepository],
  exports: [PeopleRepository],
})
export class PeopleModule {}
