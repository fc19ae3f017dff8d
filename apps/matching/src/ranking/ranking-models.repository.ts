import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { FittedModel } from './model-fit.worker';
import type { ModelMetrics, TrainingOutcome } from './training-run';

export type ModelStatus = 'training' | 'ready' | 'failed';
export type TrainingTrigger = 'schedule' | 'admin';

export interface ModelRow {
  version: number;
  status: ModelStatus;
  active: boolean;
  trigger: TrainingTrigger;
  requested_by: string | null;
  requested_at: Date;
  trained_at: Date | null;
  features: string[];
  parameters: FittedModel | null;
  metrics: ModelMetrics | null;
  training_examples: number | null;
  validation_examples: number | null;
  training_ms: number | null;
  error: string | null;
}

const LISTED = `version, status, active, trigger, requested_by, requested_at, trained_at, features,
  metrics, training_examples, validation_examples, training_ms, error`;

@Injectable()
export class RankingModelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A new model in `training`, or `null` when one is already training (at most one at a time,
   * across replicas: a unique index says so).
   */
  async startTraining(
    trigger: TrainingTrigger,
    requestedBy: string | null,
    features: readonly string[],
  ): Promise<number | null> {
    const rows = (await this.dataSource.query(
      `INSERT INTO ranking_models (status, trigger, requested_by, features)
       VALUES ('training', $1, $2, $3) ON CONFLICT DO NOTHING RETURNING version`,
      [trigger, requestedBy, features],
    )) as { version: number }[];
    return rows[0]?.version ?? null;
  }

  async training(): Promise<number | null> {
    const rows = (await this.dataSource.query(
      "SELECT version FROM ranking_models WHERE status = 'training'",
    )) as { version: number }[];
    return rows[0]?.version ?? null;
  }

  async complete(
    tx: EntityManager,
    version: number,
    outcome: TrainingOutcome,
    trainingMs: number,
  ): Promise<ModelRow> {
    const rows = (await tx.query(
      `UPDATE ranking_models SET status = 'ready', trained_at = now(), parameters = $2,
         metrics = $3, training_examples = $4, validation_examples = $5, training_ms = $6
       WHERE version = $1 RETURNING ${LISTED}`,
      [
        version,
        JSON.stringify(outcome.model),
        JSON.stringify(outcome.metrics),
        outcome.trainingExamples,
        outcome.validationExamples,
        trainingMs,
      ],
    )) as [ModelRow[], number];
    return rows[0][0];
  }

  async fail(version: number, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ranking_models SET status = 'failed', trained_at = now(), error = $2
       WHERE version = $1 AND status = 'training'`,
      [version, error.slice(0, 1000)],
    );
  }

  /** Trainings a stopped process left behind never finish: they fail. */
  async failStale(olderThan: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE ranking_models SET status = 'failed', trained_at = now(),
         error = 'the training process stopped before it finished'
       WHERE status = 'training' AND requested_at < $1`,
      [olderThan],
    );
  }

  async latestRequestedAt(): Promise<Date | null> {
    const rows = (await this.dataSource.query(
      'SELECT max(requested_at) AS at FROM ranking_models',
    )) as { at: Date | null }[];
    return rows[0].at;
  }

  /** Newest first. */
  async list(limit: number): Promise<ModelRow[]> {
    return (await this.dataSource.query(
      `SELECT ${LISTED} FROM ranking_models ORDER BY version DESC LIMIT $1`,
      [limit],
    )) as ModelRow[];
  }

  async find(tx: EntityManager, version: number): Promise<ModelRow | null> {
    const rows = (await tx.query(
      `SELECT ${LISTED} FROM ranking_models WHERE version = $1 FOR UPDATE`,
      [version],
    )) as ModelRow[];
    return rows[0] ?? null;
  }

  /** The active model with its parameters; `null` when the rule-based score ranks. */
  async active(): Promise<ModelRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${LISTED}, parameters FROM ranking_models WHERE active`,
    )) as ModelRow[];
    return rows[0] ?? null;
  }

  /** Makes `version` the one model that ranks; `null` hands ranking back to the rule-based score. */
  async activate(tx: EntityManager, version: number | null): Promise<void> {
    // Serialises activations, so two admins switching at once end with one active model.
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('ranking_models:active', 0))");
    await tx.query('UPDATE ranking_models SET active = false WHERE active');
    if (version !== null) {
      await tx.query('UPDATE ranking_models SET active = true WHERE version = $1', [version]);
    }
  }
}
