import { Module } from '@nestjs/common';
import { RecoController } from './reco.controller';
import { RecoRepository } from './reco.repository';
import { RecoService } from './reco.service';
import { ScoringSettings } from './scoring-settings';
import { BlocksProjection } from '@rendezvous/platform';

@Module({
  controllers: [RecoController],
  providers: [RecoService, RecoRepository, ScoringSettings, BlocksProjection],
})
export class RecoModule {}
