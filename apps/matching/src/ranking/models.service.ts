import { Injectable } from '@nestjs/common';
import { DomainError, MATCHING_ERRORS } from '@rendezvous/contracts';
import { DataSource } from 'typeorm';
import { MatchingConfig } from '../config';
import { ModelTrainer } from './model-trainer';
import type { ModelRow } from './ranking-models.repository';
import { RankingModelsRepository } from './ranking-models.repository';
import { RankingState } from './ranking-state';
import { mayRank, rankingBarOf } from './training-run';
import type {
  ActiveRanking,
  RankingModelItem,
  RankingModels,
  TrainingStarted,
} from './models.shapes';

const LISTED = 100;

@Injectable()
export class ModelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: RankingModelsRepository,
    private readonly trainer: ModelTrainer,
    private readonly state: RankingState,
    private readonly config: MatchingConfig,
  ) {}

  async list(): Promise<RankingModels> {
    const rows = await this.models.list(LISTED);
    const active = rows.find((row) => row.active);
    return {
      active: active ? active.version : 'rule-based',
      minAucGain: this.config.MATCHING_MODEL_MIN_AUC_GAIN,
      items: rows.map((row) => this.toItem(row)),
    };
  }

  async train(adminId: string): Promise<TrainingStarted> {
    return { version: await this.trainer.request('admin', adminId), status: 'training' };
  }

  /** A model ranks only once trained and beating the rule-based score by the margin. */
  async activate(adminId: string, version: number | null): Promise<ActiveRanking> {
    await this.dataSource.transaction(async (tx) => {
      if (version !== null) {
        const row = await this.models.find(tx, version);
        if (!row) throw new DomainError(MATCHING_ERRORS.MODEL_NOT_FOUND, 'No such model');
        if (!this.eligible(row)) {
          throw new DomainError(
            MATCHING_ERRORS.MODEL_NOT_ELIGIBLE,
            row.status === 'ready'
              ? `Model ${version} does not beat the rule-based score's validation AUC by ${this.config.MATCHING_MODEL_MIN_AUC_GAIN} on at least ${this.config.MATCHING_MODEL_MIN_VALIDATION_EXAMPLES} held-out examples`
              : `Model ${version} is ${row.status}, not trained`,
          );
        }
      }
      await this.models.activate(tx, version);
      await this.trainer.audit(tx, adminId, 'model.activated', version);
    });
    await this.state.reloadModel();
    return { active: version ?? 'rule-based' };
  }

  private eligible(row: ModelRow): boolean {
    return (
      row.status === 'ready' &&
      row.metrics !== null &&
      mayRank(
        { metrics: row.metrics, validationExamples: row.validation_examples ?? 0 },
        rankingBarOf(this.config),
      )
    );
  }

  private toItem(row: ModelRow): RankingModelItem {
    return {
      version: row.version,
      status: row.status,
      active: row.active,
      trigger: row.trigger,
      requestedBy: row.requested_by,
      requestedAt: row.requested_at.toISOString(),
      trainedAt: row.trained_at?.toISOString() ?? null,
      features: row.features,
      trainingExamples: row.training_examples,
      validationExamples: row.validation_examples,
      trainingMs: row.training_ms,
      metrics: row.metrics?.model ?? null,
      baseline: row.metrics?.ruleBased ?? null,
      eligible: this.eligible(row),
      error: row.error,
    };
  }
}
