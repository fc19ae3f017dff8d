import { Module } from '@nestjs/common';
import { DiscoveryModule } from '../discovery/discovery.module';
import { MatchesModule } from '../matches/matches.module';
import { PeopleModule } from '../people/people.module';
import { SwipesController } from './swipes.controller';
import { SwipesRepository } from './swipes.repository';
import { SwipesService } from './swipes.service';

@Module({
  imports: [PeopleModule, MatchesModule, DiscoveryModule],
  controllers: [SwipesController],
  providers: [SwipesRepository, SwipesService],
  exports: [SwipesRepository],
})
export class SwipesModule {}
