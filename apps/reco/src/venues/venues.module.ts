import { Module } from '@nestjs/common';
import { InteractionsService } from '../interactions/interactions.service';
import { VenuesController } from './venues.controller';
import { VenuesRepository } from './venues.repository';
import { VenuesService } from './venues.service';

@Module({
  controllers: [VenuesController],
  providers: [VenuesService, VenuesRepository, InteractionsService],
})
export class VenuesModule {}
