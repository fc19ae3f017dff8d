import { Module } from '@nestjs/common';
import { ImpressionRecorder } from './impression-recorder';
import { ImpressionsRepository } from './impressions.repository';
import { LearnedRanking } from './learned-ranking';
import { ModelTrainer } from './model-trainer';
import { ModelsController } from './models.controller';
import { ModelsService } from './models.service';
import { RankingModelsRepository } from './ranking-models.repository';
import { RankingState } from './ranking-state';
import { SignalsRepository } from './signals.repository';

/** The learned ranking: impressions, training, the active model, and its admin routes. */
@Module({
  controllers: [ModelsController],
  providers: [
    ImpressionsRepository,
    ImpressionRecorder,
    LearnedRanking,
    ModelTrainer,
    ModelsService,
    RankingModelsRepository,
    RankingState,
    SignalsRepository,
  ],
  exports: [LearnedRanking, ImpressionsRepository],
})
export class RankingModule {}
