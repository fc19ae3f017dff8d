import { Module } from '@nestjs/common';
import { MatchExpiry } from './match-expiry';
import { MatchesController } from './matches.controller';
import { MatchesRepository } from './matches.repository';
import { MatchesService } from './matches.service';

@Module({
  controllers: [MatchesController],
  providers: [MatchesRepository, MatchesService, MatchExpiry],
  exports: [MatchesService, MatchExpiry],
})
export class MatchesModule {}
