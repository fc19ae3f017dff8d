import { Module } from '@nestjs/common';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { InteractionsService } from '../interactions/interactions.service';
import { PeopleModule } from '../people/people.module';
import { VenuesController } from './venues.controller';
import { VenuesRepository } from './venues.repository';
import { VenuesService } from './venues.service';

@Module({
  imports: [PeopleModule],
  controllers: [VenuesController],
  providers: [VenuesService, VenuesRepository, InteractionsService, InteractionsRepository],
})
export class VenuesModule {}
