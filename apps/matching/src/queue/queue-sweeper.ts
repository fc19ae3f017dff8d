import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { RedisStateRebuildingError } from '@rendezvous/platform';
import { MatchingConfig } from '../config';
import { QueueMetrics } from './queue-metrics';
import { QueueStore } from './queue-store';

/**
 * Time-driven queue changes only: expiry, confirm timeouts and widening. Pairing on arrival
 * happens in the request itself. Every replica sweeps; the script makes each change once.
 */
@Injectable()
export class QueueSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly config: MatchingConfig,
    private readonly store: QueueStore,
    private readonly metrics: QueueMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    }, this.config.MATCHING_QUEUE_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  async sweep(): Promise<void> {
    try {
      // A full batch means more may be due: go again at once.
      for (let round = 0; round < 20; round += 1) {
        const outcome = await this.store.sweep();
        this.metrics.timedOut(outcome.timeouts);
        this.metrics.paired(outcome.paired);
        if (outcome.expired < 200 && outcome.timeouts < 200 && outcome.paired.length === 0) return;
      }
    } catch (error) {
      // Redis lost the queue: the rebuild is under way and the next round sweeps.
      if (error instanceof RedisStateRebuildingError) return;
      this.logger.warn(`queue sweep failed, retrying next round: ${String(error)}`);
    }
  }
}
