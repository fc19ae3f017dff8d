import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { TOPICS } from '@rendezvous/contracts';
import { OutboxService } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { MatchingConfig } from '../config';
import { ImpressionsRepository } from './impressions.repository';
import { fitInWorker } from './model-fitter';
import { FEATURE_NAMES } from './ranking-features';
import type { TrainingTrigger } from './ranking-models.repository';
import { RankingModelsRepository } from './ranking-models.repository';
import { RankingState } from './ranking-state';
import { mayRank, rankingBarOf, trainAndEvaluate } from './training-run';

const HOUR_MS = 3_600_000;
const SCHEDULE_CHECK_MS = 60_000;
// A training takes seconds to minutes; one still `training` after this was left by a stopped process.
const STALE_AFTER_MS = HOUR_MS;

/** The object an audit entry about a model names. */
export const modelObjectId = (version: number | null) =>
  version === null ? 'ranking-model:rule-based' : `ranking-model:${version}`;

/**
 * Trains models: on demand, and every `MATCHING_MODEL_TRAIN_EVERY_HOURS` (any replica may
 * start it; a unique index lets one training run at a time). The fit runs in a worker thread;
 * this thread only reads the examples and writes the outcome.
 */
@Injectable()
export class ModelTrainer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ModelTrainer.name);
  private timer?: NodeJS.Timeout;
  private readonly bootedAt = Date.now();
  private running = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly models: RankingModelsRepository,
    private readonly impressions: ImpressionsRepository,
    private readonly outbox: OutboxService,
    private readonly state: RankingState,
    private readonly config: MatchingConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.MATCHING_MODEL_TRAIN_EVERY_HOURS === 0) return;
    this.timer = setInterval(() => void this.trainIfDue(), SCHEDULE_CHECK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([...this.running]);
  }

  /**
   * Starts a training and answers at once with its version; while one is already training,
   * answers with that one. `requestedBy` (an admin) is audited; the schedule is not.
   */
  async request(trigger: TrainingTrigger, requestedBy: string | null): Promise<number> {
    await this.models.failStale(new Date(Date.now() - STALE_AFTER_MS));
    const version = await this.models.startTraining(trigger, requestedBy, FEATURE_NAMES);
    if (version === null) {
      const current = await this.models.training();
      if (current !== null) return current;
      // It finished between the two reads: start again.
      return this.request(trigger, requestedBy);
    }
    const run = this.train(version, requestedBy).finally(() => this.running.delete(run));
    this.running.add(run);
    return version;
  }

  /** Waits for the trainings this replica is running (tests and benchmarks). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async trainIfDue(): Promise<void> {
    try {
      // With no model yet, the first is due an interval after boot: there is little to learn
      // from at first start.
      const last = (await this.models.latestRequestedAt())?.getTime() ?? this.bootedAt;
      const every = this.config.MATCHING_MODEL_TRAIN_EVERY_HOURS * HOUR_MS;
      if (Date.now() - last < every) return;
      await this.request('schedule', null);
    } catch (error) {
      this.logger.warn(`scheduled training could not start: ${String(error)}`);
    }
  }

  private async train(version: number, requestedBy: string | null): Promise<void> {
    const started = Date.now();
    try {
      const examples = await this.impressions.labelledExamples(
        new Date(started - this.config.MATCHING_MODEL_IGNORED_AFTER_SECONDS * 1000),
        FEATURE_NAMES.length,
        this.config.MATCHING_MODEL_MAX_EXAMPLES,
      );
      const outcome = await trainAndEvaluate(
        examples,
        {
          validationShare: this.config.MATCHING_MODEL_VALIDATION_SHARE,
          steps: this.config.MATCHING_MODEL_STEPS,
          learningRate: 0.5,
        },
        fitInWorker,
      );
      const activate =
        this.config.MATCHING_MODEL_AUTO_ACTIVATE && mayRank(outcome, rankingBarOf(this.config));
      await this.dataSource.transaction(async (tx) => {
        await this.models.complete(tx, version, outcome, Date.now() - started);
        if (requestedBy) await this.audit(tx, requestedBy, 'model.trained', version);
        if (activate) {
          await this.models.activate(tx, version);
          if (requestedBy) await this.audit(tx, requestedBy, 'model.activated', version);
        }
      });
      if (activate) await this.state.reloadModel();
      this.logger.log(
        `model ${version} trained on ${outcome.trainingExamples} examples in ${Date.now() - started} ms: ` +
          `AUC ${outcome.metrics.model.auc} vs rule-based ${outcome.metrics.ruleBased.auc}` +
          (activate ? '; now ranking' : ''),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`model ${version} failed to train: ${reason}`);
      await this.models.fail(version, reason).catch(() => undefined);
    }
  }

  /** An admin's action on a model, for the user service's audit log, committed with it. */
  async audit(
    tx: EntityManager,
    actorId: string,
    action: 'model.trained' | 'model.activated',
    version: number | null,
  ): Promise<void> {
    const objectId = modelObjectId(version);
    await this.outbox.add(tx, {
      type: TOPICS.AUDIT_RECORDED,
      aggregateId: objectId,
      aggregateVersion: action === 'model.trained' ? 1 : 2,
      data: { actorId, action, objectId, at: new Date().toISOString() },
    });
  }
}
