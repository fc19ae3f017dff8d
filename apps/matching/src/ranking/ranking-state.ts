import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { MatchingConfig } from '../config';
import type { FittedModel } from './model-fit.worker';
import type { PersonSignals } from './ranking-features';
import { FEATURE_NAMES, NO_SIGNALS } from './ranking-features';
import { RankingModelsRepository } from './ranking-models.repository';
import { SignalsRepository } from './signals.repository';

export interface ServingModel {
  version: number;
  parameters: FittedModel;
}

/**
 * What this replica ranks with, kept in memory so a discovery request reads no model and no
 * counts: the active model (checked every `MATCHING_MODEL_REFRESH_SECONDS`, and at once after
 * an activation here) and everyone's behaviour counts (every `MATCHING_RANKING_SIGNALS_SECONDS`).
 */
@Injectable()
export class RankingState implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RankingState.name);
  private servingModel: ServingModel | null = null;
  private signals = new Map<string, PersonSignals>();
  private timers: NodeJS.Timeout[] = [];
  // Reads queue behind the one in flight: that one may have started before the change a caller
  // wants seen (an activation here, swipes just made).
  private modelRead: Promise<void> = Promise.resolve();
  private signalsRead: Promise<void> = Promise.resolve();

  constructor(
    private readonly models: RankingModelsRepository,
    private readonly signalsRepository: SignalsRepository,
    private readonly config: MatchingConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.reloadModel();
    void this.reloadSignals();
    const every = (seconds: number, run: () => Promise<void>) => {
      const timer = setInterval(() => void run(), seconds * 1000);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.config.MATCHING_MODEL_REFRESH_SECONDS, () => this.reloadModel());
    every(this.config.MATCHING_RANKING_SIGNALS_SECONDS, () => this.reloadSignals());
  }

  async onApplicationShutdown(): Promise<void> {
    this.timers.forEach(clearInterval);
    await Promise.all([this.modelRead, this.signalsRead]);
  }

  get model(): ServingModel | null {
    return this.servingModel;
  }

  signalsOf(userId: string): PersonSignals {
    return this.signals.get(userId) ?? NO_SIGNALS;
  }

  reloadModel(): Promise<void> {
    this.modelRead = this.modelRead.then(() => this.readModel());
    return this.modelRead;
  }

  reloadSignals(): Promise<void> {
    this.signalsRead = this.signalsRead.then(() => this.readSignals());
    return this.signalsRead;
  }

  private async readModel(): Promise<void> {
    try {
      const row = await this.models.active();
      if (row?.version === this.servingModel?.version) return;
      // A model trained on another feature list (an older release) cannot score these vectors.
      const usable =
        row?.parameters && row.features.join() === FEATURE_NAMES.join() ? row.parameters : null;
      this.servingModel = row && usable ? { version: row.version, parameters: usable } : null;
    } catch (error) {
      this.logger.warn(
        `reading the active model failed, keeping the current one: ${String(error)}`,
      );
    }
  }

  private async readSignals(): Promise<void> {
    try {
      this.signals = await this.signalsRepository.everyone();
    } catch (error) {
      this.logger.warn(`reading the ranking signals failed, keeping the last: ${String(error)}`);
    }
  }
}
