import { Module } from '@nestjs/common';
import { RecoController } from './reco.controller';
import { RecoRepository } from './reco.repository';
import { RecoService } from './reco.service';
import { ScoringSettings } from './scoring-settings';

@Module({
  controllers: [RecoController],
  providers: [RecoService, RecoRepository, ScoringSettings],
})
export class RecoModule {}
